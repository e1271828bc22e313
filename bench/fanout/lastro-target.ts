import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoanDoc, LoanStatus, PullResultFrame } from '@lastro/protocol';
import { startServer } from '@lastro/server';
import { benchDevice, IDLE_INVESTOR_EMAIL, login } from '../common/lastro-http.js';
import { openAuthenticatedSocket, syncUrl } from '../common/sync-socket.js';
import type { FanoutTarget } from './targets.js';

/** Two statuses the benchmark's loan alternates between, so every trigger is a real change. */
const ALTERNATING_STATUSES: readonly [LoanStatus, LoanStatus] = ['late', 'active'];

/** Reads one loan of the demo loan book over the sync protocol, as any client would. */
async function firstLoan(baseUrl: string, token: string): Promise<LoanDoc> {
  const socket = await openAuthenticatedSocket(syncUrl(baseUrl), token);
  try {
    const result = await new Promise<PullResultFrame>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Timed out waiting for the loans pull result.')), 10_000);
      socket.on('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as { type: string; requestId?: string };
        if (frame.type === 'pullResult' && frame.requestId === 'bench-loans') {
          clearTimeout(timer);
          resolve(frame as PullResultFrame);
        }
      });
      socket.send(JSON.stringify({ type: 'pull', requestId: 'bench-loans', collection: 'loans', checkpoint: null, limit: 1 }));
    });
    const loan = result.documents[0] as LoanDoc | undefined;
    if (loan === undefined) {
      throw new Error('The demo loan book is empty, so there is no loan to change.');
    }
    return loan;
  } finally {
    socket.terminate();
  }
}

/**
 * Starts the Lastro server in this process with the demo data and no simulator. Each trigger
 * changes one loan's status through the server's repository and publish path. The clients are
 * sync sockets that share one idle investor's session.
 */
export async function startLastro(): Promise<FanoutTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lastro-fanout-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true, simulator: false, logLevel: 'error' });
  try {
    const session = await login(server.url, IDLE_INVESTOR_EMAIL, benchDevice('fanout'));
    const loan = await firstLoan(server.url, session.token);
    let next = 0;
    return {
      name: 'Lastro',
      clientKind: 'lastro-sync',
      url: syncUrl(server.url),
      token: session.token,
      publish() {
        server.updateLoanStatus(loan.id, ALTERNATING_STATUSES[next] as LoanStatus);
        next = 1 - next;
      },
      async close() {
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
