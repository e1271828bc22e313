import { formatBRL } from '@lastro/domain';
import type { CommandRejectionReason, LoanDoc, LoanStatus } from '@lastro/protocol';

/** Title and body of a notification in both languages of the product. */
export interface NotificationTexts {
  titlePt: string;
  bodyPt: string;
  titleEn: string;
  bodyEn: string;
}

const LOAN_STATUS_PT: Record<LoanStatus, string> = {
  open: 'Aberto',
  funded: 'Financiado',
  active: 'Ativo',
  repaid: 'Quitado',
  late: 'Em atraso',
  defaulted: 'Inadimplente',
  cancelled: 'Cancelado',
};

const LOAN_STATUS_EN: Record<LoanStatus, string> = {
  open: 'Open',
  funded: 'Funded',
  active: 'Active',
  repaid: 'Repaid',
  late: 'Late',
  defaulted: 'Defaulted',
  cancelled: 'Cancelled',
};

const REJECTION_PT: Record<CommandRejectionReason, string> = {
  insufficient_balance: 'saldo insuficiente',
  loan_not_found: 'empréstimo não encontrado',
  loan_not_open: 'o empréstimo não está mais aberto',
  below_minimum: 'abaixo do mínimo de R$ 25,00',
  above_remaining: 'acima do valor restante',
  invalid_pix_key: 'chave PIX inválida ou não cadastrada',
  not_allowed: 'operação não permitida para o seu perfil',
  invalid_command: 'operação inválida',
};

const REJECTION_EN: Record<CommandRejectionReason, string> = {
  insufficient_balance: 'insufficient balance',
  loan_not_found: 'loan not found',
  loan_not_open: 'the loan is no longer open',
  below_minimum: 'below the R$ 25,00 minimum',
  above_remaining: 'above the remaining amount',
  invalid_pix_key: 'invalid or unregistered PIX key',
  not_allowed: 'not allowed for your profile',
  invalid_command: 'invalid operation',
};

/** Maximum length of a chat preview in a notification body, in code points. */
const PREVIEW_LENGTH = 140;

function preview(text: string): string {
  const codePoints = [...text.replace(/\s+/g, ' ')];
  return codePoints.length <= PREVIEW_LENGTH ? codePoints.join('') : `${codePoints.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}

export function pixReceivedTexts(amount: number): NotificationTexts {
  const money = formatBRL(amount);
  return {
    titlePt: 'PIX recebido',
    bodyPt: `${money} creditados na sua carteira.`,
    titleEn: 'PIX received',
    bodyEn: `${money} credited to your wallet.`,
  };
}

export function pixOutConfirmedTexts(amount: number): NotificationTexts {
  const money = formatBRL(amount);
  return {
    titlePt: 'PIX enviado',
    bodyPt: `${money} transferidos para a sua chave PIX.`,
    titleEn: 'PIX sent',
    bodyEn: `${money} transferred to your PIX key.`,
  };
}

export function investmentConfirmedTexts(amount: number, loanId: string, borrowerName: string): NotificationTexts {
  const money = formatBRL(amount);
  return {
    titlePt: 'Investimento confirmado',
    bodyPt: `${money} investidos em ${loanId} (${borrowerName}).`,
    titleEn: 'Investment confirmed',
    bodyEn: `${money} invested in ${loanId} (${borrowerName}).`,
  };
}

export function investmentRejectedTexts(amount: number, loanId: string, reason: CommandRejectionReason | undefined): NotificationTexts {
  const money = formatBRL(amount);
  return {
    titlePt: 'Investimento recusado',
    bodyPt: `${money} em ${loanId}: ${reason === undefined ? 'motivo não informado' : REJECTION_PT[reason]}.`,
    titleEn: 'Investment rejected',
    bodyEn: `${money} in ${loanId}: ${reason === undefined ? 'no reason given' : REJECTION_EN[reason]}.`,
  };
}

export function loanStatusTexts(loanId: string, borrowerName: string, from: LoanStatus, to: LoanStatus): NotificationTexts {
  return {
    titlePt: `Empréstimo ${loanId}: ${LOAN_STATUS_PT[to]}`,
    bodyPt: `O empréstimo de ${borrowerName} em que você investiu passou de ${LOAN_STATUS_PT[from]} para ${LOAN_STATUS_PT[to]}.`,
    titleEn: `Loan ${loanId}: ${LOAN_STATUS_EN[to]}`,
    bodyEn: `The loan to ${borrowerName} you invested in changed from ${LOAN_STATUS_EN[from]} to ${LOAN_STATUS_EN[to]}.`,
  };
}

export function chatMessageTexts(senderName: string, text: string): NotificationTexts {
  return {
    titlePt: `Nova mensagem de ${senderName}`,
    bodyPt: preview(text),
    titleEn: `New message from ${senderName}`,
    bodyEn: preview(text),
  };
}

const PLATFORM_NAMES: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux', web: 'navegador', cli: 'linha de comando' };
const PLATFORM_NAMES_EN: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux', web: 'browser', cli: 'command line' };

export function suspiciousLoginTexts(deviceName: string, platform: string, network: string | null): NotificationTexts {
  const where = network === null ? '' : ` (${network})`;
  return {
    titlePt: 'Novo acesso à sua conta',
    bodyPt: `Entrada em "${deviceName}" (${PLATFORM_NAMES[platform] ?? platform})${where}. Se não foi você, encerre essa sessão.`,
    titleEn: 'New sign-in to your account',
    bodyEn: `Sign-in on "${deviceName}" (${PLATFORM_NAMES_EN[platform] ?? platform})${where}. If it was not you, end that session.`,
  };
}

/** Formats a monthly rate in basis points as "1,89% a.m." or "1.89% p.m.". */
function monthlyRate(bps: number, language: 'pt' | 'en'): string {
  const percent = (bps / 100).toFixed(2);
  return language === 'pt' ? `${percent.replace('.', ',')}% a.m.` : `${percent}% p.m.`;
}

export function loanMatchTexts(loan: LoanDoc): NotificationTexts {
  const money = formatBRL(loan.amount);
  return {
    titlePt: `Novo pedido no seu filtro: ${loan.id}`,
    bodyPt: `${loan.borrowerName}, ${loan.purpose}: ${money}, grau ${loan.grade}, ${monthlyRate(loan.rateMonthlyBps, 'pt')}, ${loan.termMonths} meses.`,
    titleEn: `New request matching your filter: ${loan.id}`,
    bodyEn: `${loan.borrowerName}, ${loan.purpose}: ${money}, grade ${loan.grade}, ${monthlyRate(loan.rateMonthlyBps, 'en')}, ${loan.termMonths} months.`,
  };
}

/** One day's activity of an investor, for {@link dailyDigestTexts}. */
export interface DigestFigures {
  /** The São Paulo calendar day, "DD/MM". */
  day: string;
  pixCount: number;
  pixAmount: number;
  investCount: number;
  investAmount: number;
  loanStatusChanges: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function dailyDigestTexts(figures: DigestFigures): NotificationTexts {
  const partsPt: string[] = [];
  const partsEn: string[] = [];
  if (figures.pixCount > 0) {
    partsPt.push(`${plural(figures.pixCount, 'PIX recebido', 'PIX recebidos')} (${formatBRL(figures.pixAmount)})`);
    partsEn.push(`${plural(figures.pixCount, 'PIX received', 'PIX received')} (${formatBRL(figures.pixAmount)})`);
  }
  if (figures.investCount > 0) {
    partsPt.push(`${plural(figures.investCount, 'investimento', 'investimentos')} (${formatBRL(figures.investAmount)})`);
    partsEn.push(`${plural(figures.investCount, 'investment', 'investments')} (${formatBRL(figures.investAmount)})`);
  }
  if (figures.loanStatusChanges > 0) {
    partsPt.push(plural(figures.loanStatusChanges, 'mudança de status nos seus empréstimos', 'mudanças de status nos seus empréstimos'));
    partsEn.push(plural(figures.loanStatusChanges, 'status change in your loans', 'status changes in your loans'));
  }
  return {
    titlePt: `Resumo de ${figures.day}`,
    bodyPt: `${partsPt.join('; ')}.`,
    titleEn: `Summary of ${figures.day}`,
    bodyEn: `${partsEn.join('; ')}.`,
  };
}
