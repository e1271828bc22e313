import { randomInt } from 'node:crypto';
import { formatPixAmount, isEndToEndId, isWebhookTxid } from '@lastro/domain';
import { allowOnly, DEMO_WEBHOOK_SECRET, serverUrlFrom, type Flags } from '../args.js';
import { CliError, printJsonLine, printMessage, usageError } from '../output.js';
import { unreachableMessage } from '../session.js';
import { amountFlag } from './deposit.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Builds a random end-to-end id: "E" and 31 letters or digits, 32 characters as the API Pix requires. */
export function randomEndToEndId(): string {
  let id = 'E';
  while (id.length < 32) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** `lastro pix simulate`: posts an API Pix callback for one payment and prints the server's response. */
export async function simulatePix(flags: Flags): Promise<number> {
  allowOnly(flags, ['server', 'txid', 'valor', 'secret', 'end-to-end-id'], 'pix simulate');
  const serverUrl = serverUrlFrom(flags);
  if (flags.txid === undefined) throw usageError('missing --txid: pass the txid printed by "lastro deposit"');
  if (!isWebhookTxid(flags.txid)) {
    throw usageError(`invalid --txid ${JSON.stringify(flags.txid)}: use 1 to 35 letters and digits, as printed by "lastro deposit"`);
  }
  if (flags.valor === undefined) throw usageError('missing --valor: pass the paid amount, such as --valor 110,00');
  const centavos = amountFlag('valor', flags.valor);
  let valor: string;
  try {
    valor = formatPixAmount(centavos);
  } catch {
    throw usageError(`invalid --valor ${JSON.stringify(flags.valor)}: the largest Pix amount is 9.999.999.999,99`);
  }
  const secret = flags.secret ?? process.env.LASTRO_PIX_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET;
  const retried = flags['end-to-end-id'];
  if (retried !== undefined && !isEndToEndId(retried)) {
    throw usageError(`invalid --end-to-end-id ${JSON.stringify(retried)}: use the 32-character id printed by an earlier "lastro pix simulate"`);
  }
  const endToEndId = retried ?? randomEndToEndId();

  const body = {
    pix: [
      {
        endToEndId,
        txid: flags.txid,
        valor,
        horario: new Date().toISOString(),
        infoPagador: 'pagamento simulado pelo lastro CLI',
      },
    ],
  };
  const url = `${serverUrl}/webhooks/pix`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CliError(unreachableMessage(serverUrl, error));
  }

  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new CliError(`${url} returned HTTP ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const error = (answer as { error?: { kind?: string; message?: string } }).error;
    throw new CliError(`${url} rejected the callback with HTTP ${response.status}: ${error?.message ?? text} (${error?.kind ?? 'unknown'})`);
  }
  printJsonLine({ endToEndId, ...(answer as Record<string, unknown>) });
  if (typeof answer === 'object' && answer !== null && (answer as { suspense?: unknown }).suspense === 1) {
    printMessage(
      `txid ${flags.txid} matches no charge of this server, so the PIX went to the platform's suspense account, not to a wallet; use a txid printed by "lastro deposit" or the deposit dialog`,
    );
  }
  return 0;
}
