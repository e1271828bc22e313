import { randomInt } from 'node:crypto';
import { DEMO_WEBHOOK_SECRET } from './server';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumerics(length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  }
  return text;
}

/** Generates a random API Pix `endToEndId`: "E" followed by 31 alphanumerics. */
export function randomEndToEndId(): string {
  return `E${randomAlphanumerics(31)}`;
}

/** Generates a random refund end-to-end id (`rtrId`): "D" followed by 31 alphanumerics. */
export function randomReturnId(): string {
  return `D${randomAlphanumerics(31)}`;
}

/** A refund ("devolução") as listed under a Pix in the API Pix callback. */
export interface PixRefund {
  id: string;
  rtrId: string;
  valor: string;
  status: 'EM_PROCESSAMENTO' | 'DEVOLVIDO' | 'NAO_REALIZADO';
}

export interface ReceivedPix {
  endToEndId: string;
  txid: string;
  valor: string;
  horario: string;
}

/** Describes a newly received Pix paying the charge `txid`, settled now. */
export function newReceivedPix(txid: string, valor: string): ReceivedPix {
  return { endToEndId: randomEndToEndId(), txid, valor, horario: new Date().toISOString() };
}

/**
 * Posts the Central Bank API Pix callback for one Pix, as the PIX provider would, with its
 * refunds when given. Throws when the server does not accept it.
 */
export async function postPixCallback(serverUrl: string, pix: ReceivedPix, refunds: PixRefund[] = []): Promise<void> {
  const devolucoes = refunds.map((refund) => ({ ...refund, horario: { solicitacao: new Date().toISOString() } }));
  const body = { pix: [refunds.length === 0 ? pix : { ...pix, devolucoes }] };
  const response = await fetch(`${serverUrl}/webhooks/pix`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_WEBHOOK_SECRET}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`POST /webhooks/pix returned HTTP ${response.status}: ${await response.text()}`);
  }
}
