import { randomUUID } from 'node:crypto';
import { buildDepositBrCode, generateTxid, parsePixAmount } from '@lastro/domain';
import { check, DepositRequestSchema, type DepositResponse } from '@lastro/protocol';
import type { ServerContext } from '../context.js';
import { authenticate } from './authenticate.js';
import type { HttpExchange } from './exchange.js';

const DEPOSIT_BODY_LIMIT = 4 * 1024;
/** A deposit charge accepts payment for one hour. */
const CHARGE_LIFETIME_MS = 60 * 60 * 1000;
const MERCHANT_NAME = 'LASTRO SEP';
const MERCHANT_CITY = 'SAO PAULO';
const LOCATION_BASE = 'pix.lastro.com.br/qr/v2/';

/** `POST /api/v1/deposits`: creates a PIX charge for the investor and returns its BR Code. */
export async function handleCreateDeposit(ctx: ServerContext, exchange: HttpExchange): Promise<void> {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  if (principal.user.role !== 'investor') {
    exchange.sendError(403, 'forbidden', `only investors can deposit; this account's role is ${principal.user.role}`);
    return;
  }
  const body = await exchange.readJson(DEPOSIT_BODY_LIMIT);
  if (body === undefined) {
    return;
  }
  const parsed = check(DepositRequestSchema, body.value ?? {});
  if (!parsed.ok) {
    exchange.sendError(
      400,
      'invalid_request',
      `invalid deposit request: ${parsed.message}; send {"valor":"500.00"} or an empty body`,
      parsed.field,
    );
    return;
  }
  const amount = parsed.value.valor === undefined ? undefined : parsePixAmount(parsed.value.valor);
  if (amount === 0) {
    exchange.sendError(400, 'invalid_request', 'valor "0.00" is not a deposit amount; send at least "0.01" or omit valor', '/valor');
    return;
  }

  const now = new Date();
  const txid = generateTxid();
  const locationId = randomUUID();
  const brCode = buildDepositBrCode({
    merchantName: MERCHANT_NAME,
    merchantCity: MERCHANT_CITY,
    locationUrl: `${LOCATION_BASE}${locationId}`,
    ...(amount === undefined ? {} : { amountCentavos: amount }),
  });
  const expiresAt = new Date(now.getTime() + CHARGE_LIFETIME_MS).toISOString();
  ctx.store.charges.insert({
    txid,
    userId: principal.user.id,
    amount: amount ?? null,
    locationId,
    brCode,
    createdAt: now.toISOString(),
    expiresAt,
  });
  exchange.log.info({ txid, amount: amount ?? null }, 'deposit charge created');
  const response: DepositResponse = { txid, brCode, expiresAt };
  exchange.sendJson(201, response);
}
