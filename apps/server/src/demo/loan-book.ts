import type { LoanGrade, LoanStatus } from '@lastro/protocol';
import type { NewLoan } from '../db/loans.js';
import type { Random } from './prng.js';

const PURPOSES = [
  'Capital de giro',
  'Reforma da casa',
  'Quitação de dívidas',
  'Compra de equipamentos',
  'Expansão do negócio',
  'Compra de estoque',
  'Educação',
  'Tratamento de saúde',
  'Compra de veículo',
  'Energia solar',
  'Abertura de filial',
  'Reforma do comércio',
] as const;

const FIRST_NAMES = [
  'Marina', 'João', 'Beatriz', 'Rafael', 'Larissa', 'Gustavo', 'Fernanda', 'Lucas', 'Juliana', 'Pedro',
  'Camila', 'Thiago', 'Patrícia', 'Rodrigo', 'Aline', 'Felipe', 'Vanessa', 'Diego', 'Renata', 'Mateus',
  'Luana', 'André', 'Débora', 'Vinícius', 'Priscila', 'Eduardo', 'Tatiane', 'Leonardo', 'Simone', 'Caio',
] as const;

const LAST_INITIALS = 'ABCDFGLMNOPRSTV';

/** UFs weighted roughly by population. */
const STATE_WEIGHTS = {
  SP: 22, MG: 10, RJ: 8, BA: 7, PR: 6, RS: 5, PE: 5, CE: 4, PA: 4, SC: 4, GO: 3, MA: 3, AM: 2, ES: 2,
  PB: 2, RN: 2, MT: 2, AL: 2, PI: 2, DF: 2, MS: 1, SE: 1, RO: 1, TO: 1, AC: 1, AP: 1, RR: 1,
} as const;

const GRADE_WEIGHTS: Record<LoanGrade, number> = { A: 15, B: 25, C: 25, D: 18, E: 12, HR: 5 };

/** Monthly rate range in basis points per grade, from 0,90% a.m. (A) to 4,50% a.m. (HR). */
export const RATE_BPS_BY_GRADE: Record<LoanGrade, [number, number]> = {
  A: [90, 149],
  B: [150, 199],
  C: [200, 259],
  D: [260, 329],
  E: [330, 399],
  HR: [400, 450],
};

const TERMS = [6, 9, 12, 18, 24, 30, 36, 48] as const;

const STATUS_WEIGHTS: Record<LoanStatus, number> = {
  open: 70,
  funded: 6,
  active: 10,
  repaid: 5,
  late: 4,
  defaulted: 2,
  cancelled: 3,
};

/** Smallest and largest loan request, in whole reais. */
const MIN_REAIS = 2_000;
const MAX_REAIS = 150_000;

export interface LoanDraftOptions {
  id: string;
  createdAt: string;
  /** Status to use instead of a random one. */
  status?: LoanStatus;
  borrower?: { userId: string; displayName: string };
}

/** Draws one realistic loan request. Amounts are whole reais; funding of open loans is partial. */
export function drawLoan(random: Random, options: LoanDraftOptions): NewLoan {
  const grade = random.weighted(GRADE_WEIGHTS);
  const [minRate, maxRate] = RATE_BPS_BY_GRADE[grade];
  // Log-uniform between the bounds, so small loans are more common, rounded to R$ 100.
  const reais = Math.exp(Math.log(MIN_REAIS) + random.next() * (Math.log(MAX_REAIS) - Math.log(MIN_REAIS)));
  const amount = Math.min(MAX_REAIS, Math.max(MIN_REAIS, Math.round(reais / 100) * 100)) * 100;
  const status = options.status ?? random.weighted(STATUS_WEIGHTS);
  let funded = amount;
  if (status === 'open') {
    funded = Math.floor((amount * random.int(0, 95)) / 100 / 100) * 100;
  } else if (status === 'cancelled') {
    funded = Math.floor((amount * random.int(0, 60)) / 100 / 100) * 100;
  }
  const borrowerName =
    options.borrower?.displayName ?? `${random.pick(FIRST_NAMES)} ${random.pick([...LAST_INITIALS])}.`;
  return {
    id: options.id,
    borrowerUserId: options.borrower?.userId ?? null,
    borrowerName,
    purpose: random.pick(PURPOSES),
    state: random.weighted(STATE_WEIGHTS),
    amount,
    funded,
    rateMonthlyBps: random.int(minRate, maxRate),
    termMonths: random.pick(TERMS),
    grade,
    status,
    createdAt: options.createdAt,
    updatedAt: options.createdAt,
  };
}
