import { parseBRL } from '@lastro/domain';
import { LastroError } from '@lastro/engine';
import { allowOnly, type Flags } from '../args.js';
import { CliError, printJsonLine, usageError } from '../output.js';
import { endSession, openSession } from '../session.js';

/** Parses a positive pt-BR amount flag such as "500,00" into centavos. */
export function amountFlag(name: string, value: string): number {
  let centavos: number;
  try {
    centavos = parseBRL(value);
  } catch {
    throw usageError(`invalid --${name} ${JSON.stringify(value)}: use a pt-BR amount such as 500,00 or 1.234,56`);
  }
  if (centavos <= 0) {
    throw usageError(`invalid --${name} ${JSON.stringify(value)}: the amount must be greater than zero`);
  }
  return centavos;
}

/** `lastro deposit`: creates a PIX charge and prints it. */
export async function deposit(flags: Flags): Promise<number> {
  allowOnly(flags, ['server', 'email', 'password', 'valor'], 'deposit');
  const centavos = flags.valor === undefined ? undefined : amountFlag('valor', flags.valor);
  const { client, serverUrl } = await openSession(flags);
  try {
    const charge = await client.createDeposit(centavos);
    printJsonLine({ txid: charge.txid, brCode: charge.brCode, expiresAt: charge.expiresAt });
  } catch (error) {
    const message = error instanceof LastroError ? `${error.message} (${error.kind})` : String(error);
    throw new CliError(`creating the deposit at ${serverUrl} failed: ${message}`);
  } finally {
    await endSession(client);
  }
  return 0;
}
