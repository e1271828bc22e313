import { describe, expect, it } from 'vitest';
import {
  MAX_CHAT_MESSAGE_LENGTH,
  normaliseChatText,
  screenChatMessage,
  validateChatText,
  type ChatScreening,
} from '../src/index.js';

const ACCEPT: ChatScreening = { decision: 'accept' };

function rejected(matched: string): ChatScreening {
  return { decision: 'reject', reason: 'offensive_language', matched };
}

function held(...kinds: Extract<ChatScreening, { decision: 'hold' }>['kinds']): ChatScreening {
  return { decision: 'hold', reason: 'off_platform_contact', kinds };
}

/** Blocked words in the spellings that people use to get past a filter. */
const OFFENSIVE: [string, string, ChatScreening][] = [
  ['plain Portuguese', 'você é um filho da puta', rejected('puta')],
  ['uppercase', 'PUTA QUE PARIU', rejected('puta')],
  ['mixed case', 'PoRrA, cadê o pagamento?', rejected('porra')],
  ['insult', 'seu idiota', rejected('idiota')],
  ['insult with punctuation', 'Idiota!', rejected('idiota')],
  ['feminine insult', 'Você é uma idiota, sua vagabunda', rejected('idiota')],
  ['slur', 'sua vagabunda', rejected('vagabunda')],
  ['scoundrel', 'Que canalha', rejected('canalha')],
  ['cretin', 'Cretino!', rejected('cretino')],
  ['rascal', 'Seu safado', rejected('safado')],
  ['English insult', 'you idiot', rejected('idiot')],
  ['English insult plural', 'bunch of morons', rejected('moron')],
  ['accented', 'que púta situação', rejected('puta')],
  ['accented short word', 'vai tomar no cú', rejected('cu')],
  ['decomposed accent', 'vai tomar no cu\u0301', rejected('cu')],
  ['spaced letters', 'seu p u t a', rejected('puta')],
  ['dotted letters', 'p.o.r.r.a de taxa', rejected('porra')],
  ['dashed abbreviation', 'seu f-d-p', rejected('puta')],
  ['spaced short word', 'vai tomar no c u', rejected('cu')],
  ['leetspeak digits', 'p0rr4 de juros', rejected('porra')],
  ['leetspeak symbols', 'que m3rd@ é essa', rejected('merda')],
  ['leetspeak dollar', 'vai se f0d3r seu $afado', rejected('foder')],
  ['leetspeak seven', 'pu7a merda', rejected('puta')],
  ['spaced leetspeak', 'p 0 r r 4', rejected('porra')],
  ['Cyrillic a', 'put\u0430', rejected('puta')],
  ['Cyrillic o and p', '\u0440\u043erra', rejected('porra')],
  ['Cyrillic e and c', '\u0441\u0435\u0441\u0435 caralho', rejected('caralho')],
  ['Cyrillic x and y', 'x\u043e\u0445\u043eta', rejected('buceta')],
  ['fullwidth letters', 'ｐｕｔａ', rejected('puta')],
  ['mathematical bold letters', '𝐩𝐨𝐫𝐫𝐚', rejected('porra')],
  ['zero width space inside', 'pu\u200Bta', rejected('puta')],
  ['zero width joiner inside', 'car\u200Dalho', rejected('caralho')],
  ['word joiner inside', 'me\u2060rda', rejected('merda')],
  ['byte order mark inside', 'bo\uFEFFsta', rejected('bosta')],
  ['soft hyphen inside', 'ca\u00ADra\u00ADlho', rejected('caralho')],
  ['combining marks', 'p\u0336u\u0336t\u0336a\u0336', rejected('puta')],
  ['repeated letters', 'caraaaaalho', rejected('caralho')],
  ['inflection', 'que putaria é essa', rejected('puta')],
  ['diminutive', 'seu cuzinho', rejected('cu')],
  ['augmentative', 'cuzão', rejected('cu')],
  ['verb form', 'se fudeu', rejected('foder')],
  ['exclamation', 'foda-se o contrato', rejected('foder')],
  ['abbreviation', 'vtnc', rejected('cu')],
  ['insult', 'seu babaca', rejected('babaca')],
  ['slur', 'esse viado não paga', rejected('viado')],
  ['slur plural', 'um bando de viados', rejected('viado')],
  ['ableist slur', 'seu retardado', rejected('retardado')],
  ['accented insult', 'otário', rejected('otário')],
  ['English', 'fuck you', rejected('fuck')],
  ['English uppercase', 'SHIT', rejected('shit')],
  ['English leetspeak', 'you are an a$$', rejected('ass')],
  ['English slur', 'nigger', rejected('nigger')],
  ['English spaced', 'b i t c h', rejected('bitch')],
  ['single letters before a word', 'e a puta', rejected('puta')],
];

/** Innocent text that contains a blocked word inside a longer word, or that looks like leetspeak. */
const INNOCENT: [string, string][] = [
  ['accumulated', 'Valor acumulado no mês'],
  ['percussion instrument', 'Toco cuíca no samba'],
  ['computer', 'Meu computador quebrou'],
  ['English town', 'I live in Scunthorpe'],
  ['English assessment', 'The credit assessment is done'],
  ['recommendation', 'Sigo a recomendação do analista'],
  ['amount with hundreds', 'Paguei R$ 455,00 hoje'],
  ['amount with thousands', 'A parcela é de R$ 1.234,56'],
  ['amount without space', 'Recebi R$455,00'],
  ['dispute', 'Não quero disputa'],
  ['reputation', 'Minha reputação é boa'],
  ['putative', 'O credor putativo'],
  ['document', 'Enviei o documento'],
  ['sent', 'Já foi enviado'],
  ['diverted', 'O valor foi desviado'],
  ['analysis', 'A análise de crédito saiu'],
  ['analyst', 'O analista aprovou'],
  ['illiterate', 'Sou analfabeto em finanças'],
  ['comply', 'Vou cumprir o prazo'],
  ['greeting', 'Cumprimentos a todos'],
  ['cumulative', 'Juros cumulativos'],
  ['seed', 'Comprei sementes'],
  ['assure', 'Posso assegurar o pagamento'],
  ['harassment', 'Isso é assédio'],
  ['signature', 'Assinatura do contrato'],
  ['subject', 'Sobre o assunto da taxa'],
  ['surname', 'Falei com o Sr. Fagundes'],
  ['city', 'Moro em Ponta Porã'],
  ['state capital', 'Moro em Cuiabá'],
  ['Friday abbreviation', 'Vencimento sex, 04/12'],
  ['black in Portuguese', 'Moro perto do Rio Negro'],
  ['delay verb', 'Não vou retardar o pagamento'],
  ['latecomer', 'Sou retardatário no pagamento'],
  ['palm tree', 'Óleo de babaçu'],
  ['vagrancy', 'O crime de vadiagem'],
  ['canal', 'Pelo canal oficial'],
  ['weekly', 'Pagamento semanal'],
  ['Boston', 'Estudei em Boston'],
  ['woodpecker', 'Vi um pica-pau'],
  ['fudge', 'I love fudge'],
  ['loan id', 'Sobre o emp-00640'],
  ['percentage', 'Taxa de 2,5% a.m.'],
  ['term', 'Prazo de 36 meses'],
  ['instalments', '12 parcelas de R$ 1.200,00'],
  ['ordinal', '1ª parcela paga, 2ª vence dia 5'],
  ['single letters', 'Anexo A e B da proposta'],
  ['English words', 'Thank you for the quick analysis'],
  ['sextet', 'Somos um sexteto'],
  ['plateau', 'O Palácio do Planalto'],
  ['handcrafted', 'Produção artesanal de doces'],
  ['wetland', 'Turismo no Pantanal'],
  ['unfortunately', 'Desgraçadamente atrasei'],
  ['aseptic', 'Ambiente asséptico'],
  ['odd jobs', 'Faço biscates no fim de semana'],
  ['shoddy', 'O material era vagabundo'],
  ['idiom', 'Esse idiotismo é típico do Nordeste'],
  ['a lot', 'O seguro é caro pra burro'],
  ['bundle', 'Levei a trouxa de roupas'],
  ['Comoros capital', 'Tenho um fornecedor em Moroni'],
  ['bread roll', 'Vendo cacetinho na padaria'],
  ['loafing', 'Ficou vadiando o dia todo'],
  ['roasting', 'Eu asso pães para vender'],
  ['signature abbreviation', 'Ass.: João Silva'],
  ['vowels', 'a e i o u'],
  ['instalment count', 'Recebi 3x de R$ 100'],
  ['greeting in Portuguese', 'Oi, tudo bem? Podemos falar sobre a taxa?'],
];

/** Contact and payment details that move the deal off the platform. */
const OFF_PLATFORM: [string, string, ChatScreening][] = [
  ['formatted CPF', 'Meu CPF é 529.982.247-25', held('cpf')],
  ['bare CPF', 'cpf 52998224725', held('cpf')],
  ['spaced CPF', 'documento 529 982 247 25', held('cpf')],
  ['formatted CPF with wrong check digits', 'CPF 123.456.789-00', held('cpf')],
  ['formatted CNPJ', 'CNPJ 11.222.333/0001-81', held('cnpj')],
  ['bare CNPJ', 'empresa 11222333000181', held('cnpj')],
  ['alphanumeric CNPJ', 'CNPJ 12.ABC.345/01DE-35', held('cnpj')],
  ['bare alphanumeric CNPJ', 'CNPJ 12ABC34501DE35', held('cnpj')],
  ['mobile with country code', 'me liga +55 11 98765-4321', held('phone')],
  ['mobile with area code in brackets', 'whats (11) 98765-4321', held('phone')],
  ['mobile digits only', 'zap 11987654321', held('phone')],
  ['mobile with dots', 'fone 11.98765.4321', held('phone')],
  ['landline', 'escritório (21) 3456-7890', held('phone')],
  ['landline spaced', 'liga 21 3456 7890', held('phone')],
  ['mobile without area code', 'me chama no 98765-4321', held('phone')],
  ['spaced digits', 'zap 1 1 9 8 7 6 5 4 3 2 1', held('phone')],
  ['fullwidth digits', 'zap １１９８７６５４３２１', held('phone')],
  ['email', 'manda para joao.silva@gmail.com', held('email')],
  ['email with underscore', 'joao_silva@empresa.com.br', held('email')],
  ['email uppercase', 'JOAO@EXEMPLO.COM.BR', held('email')],
  ['spelled email', 'joao arroba gmail ponto com', held('email')],
  ['spelled email with brackets', 'joao [at] exemplo [dot] com', held('email')],
  ['email without domain ending', 'joao arroba gmail', held('email')],
  ['email with spaces', 'joao @ gmail . com', held('email')],
  ['random key', 'chave 7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47', held('pix_key')],
  ['random key alone', '7D9F0C2E-4B1A-4C6E-9F3A-2B8D5E1C0A47', held('pix_key')],
  ['chave pix with phone', 'minha chave pix é 11987654321', held('pix_key', 'phone')],
  ['chave pix with CPF', 'chave pix: 529.982.247-25', held('pix_key', 'cpf')],
  ['chave pix with email', 'chave do pix joao@gmail.com', held('pix_key', 'email')],
  ['pix with long number', 'faz um pix pra 12345678', held('pix_key')],
  ['BR Code', '00020126580014br.gov.bcb.pix0136123e4567', held('pix_key')],
  ['agency and account', 'agência 1234 conta 56789-0', held('bank_account')],
  ['abbreviated agency and account', 'ag 0001 cc 12345-6', held('bank_account')],
  ['account with check digit', 'conta corrente 123456-7', held('bank_account')],
  ['agency with colon', 'Agência: 3456', held('bank_account')],
  ['account and CPF', 'ag 0001 cc 12345-6 cpf 529.982.247-25', held('cpf', 'bank_account')],
];

/** Loan terms and amounts that look like numbers but are no contact details. */
const LOAN_TERMS: [string, string][] = [
  ['amount', 'R$ 455,00'],
  ['amount with thousands', 'R$ 1.234,56'],
  ['large amount', 'R$ 12.345.678,90'],
  ['instalments', '12 parcelas de R$ 1.200,00'],
  ['rate', 'taxa de 2,5% a.m.'],
  ['term', 'prazo de 36 meses'],
  ['date', 'vence em 04/12/2026'],
  ['ISO date', 'desde 2026-12-04'],
  ['loan id', 'pedido emp-00640'],
  ['time', 'às 14:30'],
  ['pix without key', 'qual sua chave pix?'],
  ['pix with amount', 'fiz um pix de R$ 12.345.678,00 ontem'],
  ['pix with amount without decimals', 'pix de R$ 12.345.678'],
  ['pix with date', 'o pix caiu em 04/12/2026'],
  ['account without number', 'conta de luz atrasada'],
  ['short account number', 'conta 2026'],
  ['invalid CPF digits', 'protocolo 12345678900'],
  ['invalid area code', 'número 20 3456 7890'],
  ['at in English', 'meet at noon'],
  ['point in Portuguese', 'em ponto com certeza'],
  ['bare at sign', 'fale com @suporte'],
  ['percentage of amount', 'CET de 35,5% a.a.'],
];

describe('screenChatMessage offensive language', () => {
  it.each(OFFENSIVE)('rejects %s', (_case, text, expected) => {
    expect(screenChatMessage(text)).toEqual(expected);
  });

  it.each(INNOCENT)('accepts %s', (_case, text) => {
    expect(screenChatMessage(text)).toEqual(ACCEPT);
  });

  it('rejects before checking contacts', () => {
    expect(screenChatMessage('porra, me liga no (11) 98765-4321')).toEqual(rejected('porra'));
  });
});

describe('screenChatMessage off-platform contact', () => {
  it.each(OFF_PLATFORM)('holds %s', (_case, text, expected) => {
    expect(screenChatMessage(text)).toEqual(expected);
  });

  it.each(LOAN_TERMS)('accepts %s', (_case, text) => {
    expect(screenChatMessage(text)).toEqual(ACCEPT);
  });

  it('lists each kind once', () => {
    const result = screenChatMessage('joao@gmail.com ou maria@gmail.com');

    expect(result).toEqual(held('email'));
  });
});

describe('normaliseChatText', () => {
  it('composes decomposed accents', () => {
    const composed = 'caf\u00E9';
    const decomposed = 'cafe\u0301';

    expect(decomposed).not.toBe(composed);
    expect(normaliseChatText(decomposed)).toBe(composed);
    expect(normaliseChatText(composed)).toBe(composed);
  });

  it('trims surrounding whitespace', () => {
    expect(normaliseChatText('  \n olá mundo \t ')).toBe('olá mundo');
  });

  it('keeps inner line breaks', () => {
    expect(normaliseChatText('linha 1\nlinha 2')).toBe('linha 1\nlinha 2');
  });
});

describe('validateChatText', () => {
  it('accepts the maximum length', () => {
    const text = 'a'.repeat(MAX_CHAT_MESSAGE_LENGTH);

    expect(validateChatText(text)).toEqual({ ok: true, text });
  });

  it('rejects one character more', () => {
    const result = validateChatText('a'.repeat(MAX_CHAT_MESSAGE_LENGTH + 1));

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.reason).toBe('too_long');
    expect(result.ok ? '' : result.message).toContain('2001');
  });

  it('counts code points', () => {
    const emoji = '😀';
    expect(emoji.length).toBe(2);

    expect(validateChatText(emoji.repeat(MAX_CHAT_MESSAGE_LENGTH)).ok).toBe(true);
    expect(validateChatText(emoji.repeat(MAX_CHAT_MESSAGE_LENGTH + 1)).ok).toBe(false);
  });

  it('counts after normalisation', () => {
    const decomposed = 'e\u0301'.repeat(MAX_CHAT_MESSAGE_LENGTH);

    const result = validateChatText(decomposed);

    expect(result).toEqual({ ok: true, text: '\u00E9'.repeat(MAX_CHAT_MESSAGE_LENGTH) });
  });

  it('ignores surrounding whitespace in the length', () => {
    const text = 'a'.repeat(MAX_CHAT_MESSAGE_LENGTH);

    expect(validateChatText(`  ${text}  `)).toEqual({ ok: true, text });
  });

  it.each([
    ['empty text', ''],
    ['spaces', '   '],
    ['line breaks and tabs', '\n\t\r\n'],
    ['no-break spaces', '\u00A0\u00A0'],
    ['zero width spaces', '\u200B\u200B'],
    ['soft hyphen', '\u00AD'],
  ])('rejects %s as empty', (_case, text) => {
    const result = validateChatText(text);

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.reason).toBe('empty');
  });

  it('returns the normalised text', () => {
    expect(validateChatText('  cafe\u0301 ')).toEqual({ ok: true, text: 'caf\u00E9' });
  });
});
