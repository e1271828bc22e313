/**
 * The body of the Central Bank's API Pix webhook callback (release 2.9), `POST {webhookUrl}/pix`.
 * The whole body is validated before the caller may apply any of it.
 */
import { isRfc3339DateTime } from '../date-time.js';
import {
  describeValue,
  FieldError,
  isPlainObject,
  optionalString,
  ownField,
  requireField,
} from '../field-reader.js';
import { formatPixAmount, isPixAmount, parsePixAmount } from '../money.js';
import type { Parsed } from '../parsed.js';
import { isEndToEndId, isWebhookTxid } from './ids.js';

/**
 * Maximum number of Pix in one callback. NOTE: the API Pix sets no limit, so this value is a
 * guard against oversized bodies, not a figure from the specification.
 */
export const PIX_WEBHOOK_MAX_PIX = 1000;

/** Maximum number of refunds listed under one Pix, a guard like {@link PIX_WEBHOOK_MAX_PIX}. */
export const PIX_WEBHOOK_MAX_REFUNDS = 1000;

/** Status of a refund (`devolucao.status`) in the API Pix. */
export const PIX_REFUND_STATUSES = ['EM_PROCESSAMENTO', 'DEVOLVIDO', 'NAO_REALIZADO'] as const;
export type PixRefundStatus = (typeof PIX_REFUND_STATUSES)[number];

/** Nature of a refund (`devolucao.natureza`) in the API Pix. */
export const PIX_REFUND_NATURES = ['ORIGINAL', 'RETIRADA', 'MED_OPERACIONAL', 'MED_FRAUDE'] as const;
export type PixRefundNature = (typeof PIX_REFUND_NATURES)[number];

/** A refund ("devolução") of a received Pix. */
export interface PixWebhookRefund {
  /** Refund id chosen by the receiving side, 1 to 35 letters and digits. */
  id: string;
  /** End-to-end id of the refund transaction, 32 letters and digits. */
  rtrId: string;
  /** Amount as sent, such as "10.00". */
  valor: string;
  /** `valor` in integer centavos. */
  amount: number;
  horario: { solicitacao: string; liquidacao?: string };
  /** Refund state. Only `DEVOLVIDO` means the money has left, because `EM_PROCESSAMENTO` has not settled yet. */
  status: PixRefundStatus;
  motivo?: string;
  natureza?: PixRefundNature;
}

/** A received Pix. */
export interface PixWebhookPix {
  /** End-to-end id, 32 letters and digits, unique per Pix transaction. */
  endToEndId: string;
  /** Id of the charge this Pix pays, when it pays one. */
  txid?: string;
  /** Amount as sent, such as "110.00". */
  valor: string;
  /** `valor` in integer centavos, always greater than zero. */
  amount: number;
  /** When the Pix was settled, RFC 3339. */
  horario: string;
  /** Free text from the payer, at most 140 characters. */
  infoPagador?: string;
  /** Refunds of this Pix, empty when the callback lists none. */
  devolucoes: PixWebhookRefund[];
}

/** A validated API Pix webhook body. */
export interface PixWebhook {
  pix: PixWebhookPix[];
}

const AMOUNT_HINT = 'a decimal string with two places, like "110.00"';
const DATE_TIME_HINT = 'an RFC 3339 date-time with an offset, like "2020-09-09T20:15:00.358Z"';
const REFUND_ID_PATTERN = /^[a-zA-Z0-9]{1,35}$/;

function readAmount(object: Record<string, unknown>, path: string): { valor: string; amount: number } {
  const valor = requireField(object, 'valor', path, `send ${AMOUNT_HINT}`);
  if (!isPixAmount(valor)) {
    throw new FieldError(path, `${path} must be ${AMOUNT_HINT}; got ${describeValue(valor)}`);
  }
  const amount = parsePixAmount(valor);
  if (amount <= 0) {
    throw new FieldError(path, `${path} must be greater than zero; got ${describeValue(valor)}`);
  }
  return { valor, amount };
}

function readDateTime(object: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
  const value = ownField(object, key);
  if ((value === undefined || value === null) && !required) {
    return undefined;
  }
  requireField(object, key, path, `send ${DATE_TIME_HINT}`);
  if (!isRfc3339DateTime(value)) {
    throw new FieldError(path, `${path} must be ${DATE_TIME_HINT}; got ${describeValue(value)}`);
  }
  return value;
}

function readEnum<T extends string>(
  object: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly T[],
  required: boolean,
): T | undefined {
  const value = ownField(object, key);
  const list = allowed.join(', ');
  if ((value === undefined || value === null) && !required) {
    return undefined;
  }
  requireField(object, key, path, `send one of ${list}`);
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new FieldError(path, `${path} must be one of ${list}; got ${describeValue(value)}`);
  }
  return value as T;
}

function readRefund(value: unknown, path: string): PixWebhookRefund {
  if (!isPlainObject(value)) {
    throw new FieldError(path, `${path} must be an object describing one refund; got ${describeValue(value)}`);
  }

  const id = requireField(value, 'id', `${path}.id`, 'send the refund id, 1 to 35 letters and digits');
  if (typeof id !== 'string' || !REFUND_ID_PATTERN.test(id)) {
    throw new FieldError(`${path}.id`, `${path}.id must be 1 to 35 ASCII letters and digits; got ${describeValue(id)}`);
  }

  const rtrId = requireField(value, 'rtrId', `${path}.rtrId`, 'send the 32-character end-to-end id of the refund');
  if (!isEndToEndId(rtrId)) {
    throw new FieldError(`${path}.rtrId`, `${path}.rtrId must be exactly 32 ASCII letters and digits; got ${describeValue(rtrId)}`);
  }

  const { valor, amount } = readAmount(value, `${path}.valor`);

  const horario = requireField(value, 'horario', `${path}.horario`, `send an object with "solicitacao", ${DATE_TIME_HINT}`);
  if (!isPlainObject(horario)) {
    throw new FieldError(
      `${path}.horario`,
      `${path}.horario must be an object with "solicitacao" and optionally "liquidacao"; got ${describeValue(horario)}`,
    );
  }
  const solicitacao = readDateTime(horario, 'solicitacao', `${path}.horario.solicitacao`, true) as string;
  const liquidacao = readDateTime(horario, 'liquidacao', `${path}.horario.liquidacao`, false);

  const status = readEnum(value, 'status', `${path}.status`, PIX_REFUND_STATUSES, true) as PixRefundStatus;
  const motivo = optionalString(value, 'motivo', `${path}.motivo`, 140);
  const natureza = readEnum(value, 'natureza', `${path}.natureza`, PIX_REFUND_NATURES, false);

  const refund: PixWebhookRefund = {
    id,
    rtrId,
    valor,
    amount,
    horario: liquidacao === undefined ? { solicitacao } : { solicitacao, liquidacao },
    status,
  };
  if (motivo !== undefined) refund.motivo = motivo;
  if (natureza !== undefined) refund.natureza = natureza;
  return refund;
}

function readRefunds(object: Record<string, unknown>, path: string, pixAmount: number, pixValor: string): PixWebhookRefund[] {
  const value = ownField(object, 'devolucoes');
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new FieldError(path, `${path} must be an array of refunds; got ${describeValue(value)}`);
  }
  if (value.length > PIX_WEBHOOK_MAX_REFUNDS) {
    throw new FieldError(path, `${path} lists ${value.length} refunds; at most ${PIX_WEBHOOK_MAX_REFUNDS} are accepted`);
  }

  const refunds = value.map((item, index) => readRefund(item, `${path}[${index}]`));

  const seen = new Map<string, PixWebhookRefund>();
  refunds.forEach((refund, index) => {
    const earlier = seen.get(refund.id);
    if (earlier !== undefined && (earlier.rtrId !== refund.rtrId || earlier.amount !== refund.amount)) {
      throw new FieldError(
        `${path}[${index}].id`,
        `${path}[${index}].id ${describeValue(refund.id)} appears twice with different rtrId or valor; send each refund once`,
      );
    }
    seen.set(refund.id, refund);
  });

  // A refund that was not carried out (NAO_REALIZADO) returns nothing, so it does not count
  // against the received amount. Repeats of the same refund id count once.
  let refunded = 0;
  for (const refund of seen.values()) {
    if (refund.status !== 'NAO_REALIZADO') {
      refunded += refund.amount;
    }
  }
  if (refunded > pixAmount) {
    throw new FieldError(
      path,
      `${path} refunds total ${formatPixAmount(refunded)}, more than the Pix valor ${pixValor}; a Pix cannot be refunded beyond what was received`,
    );
  }
  return refunds;
}

function readPix(value: unknown, path: string): PixWebhookPix {
  if (!isPlainObject(value)) {
    throw new FieldError(path, `${path} must be an object describing one Pix; got ${describeValue(value)}`);
  }

  const endToEndId = requireField(value, 'endToEndId', `${path}.endToEndId`, 'send the 32-character end-to-end id');
  if (!isEndToEndId(endToEndId)) {
    throw new FieldError(
      `${path}.endToEndId`,
      `${path}.endToEndId must be exactly 32 ASCII letters and digits; got ${describeValue(endToEndId)}`,
    );
  }

  const txid = ownField(value, 'txid');
  if (txid !== undefined && txid !== null && !isWebhookTxid(txid)) {
    throw new FieldError(`${path}.txid`, `${path}.txid must be 1 to 35 ASCII letters and digits; got ${describeValue(txid)}`);
  }

  const { valor, amount } = readAmount(value, `${path}.valor`);
  const horario = readDateTime(value, 'horario', `${path}.horario`, true) as string;
  const infoPagador = optionalString(value, 'infoPagador', `${path}.infoPagador`, 140);
  optionalString(value, 'chave', `${path}.chave`, 77);

  const componentesValor = ownField(value, 'componentesValor');
  if (componentesValor !== undefined && componentesValor !== null && !isPlainObject(componentesValor)) {
    throw new FieldError(
      `${path}.componentesValor`,
      `${path}.componentesValor must be an object; got ${describeValue(componentesValor)}`,
    );
  }

  const devolucoes = readRefunds(value, `${path}.devolucoes`, amount, valor);

  const pix: PixWebhookPix = { endToEndId, valor, amount, horario, devolucoes };
  if (typeof txid === 'string') pix.txid = txid;
  if (infoPagador !== undefined) pix.infoPagador = infoPagador;
  return pix;
}

function readWebhook(body: unknown): PixWebhook {
  if (!isPlainObject(body)) {
    throw new FieldError('body', `body must be a JSON object like {"pix": [...]}; got ${describeValue(body)}`);
  }

  const list = requireField(body, 'pix', 'pix', 'send {"pix": [...]} with at least one Pix');
  if (!Array.isArray(list)) {
    throw new FieldError('pix', `pix must be an array of Pix; got ${describeValue(list)}`);
  }
  if (list.length === 0) {
    throw new FieldError('pix', 'pix must list at least one Pix; got an empty array');
  }
  if (list.length > PIX_WEBHOOK_MAX_PIX) {
    throw new FieldError('pix', `pix lists ${list.length} Pix; at most ${PIX_WEBHOOK_MAX_PIX} are accepted in one callback`);
  }

  const pix = list.map((item, index) => readPix(item, `pix[${index}]`));

  const seen = new Map<string, PixWebhookPix>();
  pix.forEach((item, index) => {
    const earlier = seen.get(item.endToEndId);
    if (earlier !== undefined && (earlier.amount !== item.amount || earlier.txid !== item.txid)) {
      throw new FieldError(
        `pix[${index}].endToEndId`,
        `pix[${index}].endToEndId ${describeValue(item.endToEndId)} appears twice with different valor or txid; send each Pix once`,
      );
    }
    seen.set(item.endToEndId, item);
  });

  return { pix };
}

/**
 * Validates an API Pix webhook body (already parsed from JSON) and returns it typed, with
 * each `valor` also as integer centavos (`amount`) and `devolucoes` always an array.
 *
 * The whole body is checked before anything is returned, so a caller never applies part of
 * a bad callback. On failure, `field` is the path of the first invalid field, such as
 * `pix[0].valor`, and `message` names the value and the expected form. Unknown properties
 * are ignored, because providers add their own, and null optional fields read as absent.
 *
 * Besides the field formats, it rejects three conflicts. The same `endToEndId` must not
 * appear twice with a different `valor` or `txid`. The same refund `id` must not appear
 * twice within one Pix with a different `rtrId` or `valor`. Refunds other than
 * `NAO_REALIZADO` must not add up to more than the Pix `valor`. Identical repeats are kept
 * in the result, so the caller must still credit each `endToEndId` and debit each refund once.
 */
export function parsePixWebhook(body: unknown): Parsed<PixWebhook> {
  try {
    return { ok: true, value: readWebhook(body) };
  } catch (error) {
    if (error instanceof FieldError) {
      return { ok: false, field: error.field, message: error.message };
    }
    throw error;
  }
}
