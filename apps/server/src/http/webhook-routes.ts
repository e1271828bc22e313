import { parsePixWebhook } from '@lastro/domain';
import { bearerToken, secretsEqual } from '../auth/tokens.js';
import type { ServerContext } from '../context.js';
import { applyPixCallback } from '../pix/apply.js';
import type { HttpExchange } from './exchange.js';

/** Largest webhook body accepted: 1 MiB, far above a callback of the 1000 Pix the parser allows. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * `POST /webhooks/pix`: the API Pix callback. The secret is checked before the body is
 * read, the whole body is validated before anything is applied, and all its Pix are
 * applied in one transaction.
 */
export async function handlePixWebhook(ctx: ServerContext, exchange: HttpExchange): Promise<void> {
  const token = bearerToken(exchange.header('authorization'));
  if (token === undefined || !secretsEqual(token, ctx.webhookSecret)) {
    exchange.log.warn({ ip: exchange.ip, hasAuthorization: token !== undefined }, 'PIX webhook rejected: missing or wrong secret');
    ctx.metrics.webhookCalls.inc({ status: '401' });
    exchange.sendError(401, 'unauthorized', 'missing or wrong webhook secret: send "Authorization: Bearer SECRET"', undefined, true);
    return;
  }

  const body = await exchange.readJson(WEBHOOK_BODY_LIMIT);
  if (body === undefined) {
    ctx.metrics.webhookCalls.inc({ status: '4xx' });
    return;
  }
  const parsed = parsePixWebhook(body.value);
  if (!parsed.ok) {
    exchange.log.warn({ field: parsed.field, reason: parsed.message }, 'PIX webhook rejected: invalid body');
    ctx.metrics.webhookCalls.inc({ status: '400' });
    exchange.sendError(400, 'invalid_request', parsed.message, parsed.field);
    return;
  }

  const { result, changes } = applyPixCallback(ctx.store, parsed.value, exchange.log);
  ctx.sync.publish(changes);
  ctx.metrics.webhookCalls.inc({ status: '200' });
  ctx.metrics.webhookPix.inc({ outcome: 'credited' }, result.credited);
  ctx.metrics.webhookPix.inc({ outcome: 'duplicate' }, result.duplicates);
  ctx.metrics.webhookPix.inc({ outcome: 'suspense' }, result.suspense);
  exchange.log.info(result, 'PIX webhook applied');
  exchange.sendJson(200, result);
}
