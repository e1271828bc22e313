import { hostname } from 'node:os';
import WebSocket from 'ws';
import { getRxStorageMemory } from '@lastro/engine/storage-memory';
import {
  createLastroClient,
  describeNetworkFailure,
  LastroError,
  type EngineLogger,
  type LastroClient,
  type WebSocketConstructor,
} from '@lastro/engine';
import { credentialsFrom, serverUrlFrom, type Flags } from './args.js';
import { CliError, printDiagnostic, printMessage } from './output.js';

/** Builds the message for a server that does not respond, naming the command that starts one. */
export function unreachableMessage(serverUrl: string, error: unknown): string {
  const reason = error instanceof LastroError && error.cause !== undefined ? describeNetworkFailure(error.cause) : describeNetworkFailure(error);
  return `cannot reach the server at ${serverUrl} (${reason}); start it with "pnpm lastro-server --demo"`;
}

/** Engine diagnostics as JSON lines on stderr; info and debug only with LASTRO_DEBUG=1. */
function stderrLogger(): EngineLogger {
  const verbose = process.env.LASTRO_DEBUG === '1';
  return {
    debug: (message, context) => verbose && printDiagnostic('debug', message, context),
    info: (message, context) => verbose && printDiagnostic('info', message, context),
    warn: (message, context) => printDiagnostic('warn', message, context),
    error: (message, context) => printDiagnostic('error', message, context),
  };
}

/** Describes this machine as a login device. The id is stable per host, so the server records one device per machine. */
function cliDevice(): { id: string; name: string; platform: 'cli' } {
  const host = hostname() || 'unknown-host';
  return { id: `cli-${host}`.slice(0, 64), name: `lastro CLI on ${host}`.slice(0, 80), platform: 'cli' };
}

/**
 * Logs in with the flags' credentials, waits for the initial sync, and returns the client.
 * Login and network failures become {@link CliError}s with the messages users see.
 */
export async function openSession(flags: Flags): Promise<{ client: LastroClient; serverUrl: string }> {
  const serverUrl = serverUrlFrom(flags);
  const { email, password } = credentialsFrom(flags);
  const client = createLastroClient({
    serverUrl,
    storage: getRxStorageMemory(),
    device: cliDevice(),
    webSocket: WebSocket as unknown as WebSocketConstructor,
    logger: stderrLogger(),
  });

  try {
    await client.login(email, password);
  } catch (error) {
    await client.close();
    throw loginFailure(error, serverUrl, email);
  }

  try {
    await client.waitForInitialSync();
  } catch (error) {
    await endSession(client);
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`initial sync with ${serverUrl} failed: ${message}`);
  }
  return { client, serverUrl };
}

/**
 * Ends the command's session: logs out, so every command leaves no session behind on the
 * server, then closes the local database. A logout that fails (server gone, session already
 * ended) still closes the client; the session then ends when its token is revoked elsewhere.
 */
export async function endSession(client: LastroClient): Promise<void> {
  try {
    await client.logout();
  } catch {
    await client.close();
  }
}

function loginFailure(error: unknown, serverUrl: string, email: string): CliError {
  if (error instanceof LastroError) {
    if (error.kind === 'unauthorized') return new CliError(`login failed for ${email}: invalid e-mail or password`);
    if (error.kind === 'network') return new CliError(unreachableMessage(serverUrl, error));
    return new CliError(`login failed for ${email}: ${error.message}`);
  }
  return new CliError(`login failed for ${email}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Reports connection changes of a long-running command on stderr, and resolves with a
 * failure when the session is rejected, so the command can exit with status 1.
 */
export function watchConnection(client: LastroClient): { failure: Promise<CliError>; stop: () => void } {
  let stop: () => void = () => {};
  const failure = new Promise<CliError>((resolve) => {
    stop = client.connection.subscribe((state) => {
      if (state.status === 'reconnecting') {
        printMessage(`connection lost (${state.lastError}); reconnect attempt ${state.attempt} at ${state.nextRetryAt}`);
      } else if (state.status === 'online') {
        printMessage('connection online');
      } else if (state.status === 'unauthorized') {
        resolve(new CliError(`session rejected: ${state.message}`));
      } else if (state.status === 'incompatible') {
        resolve(new CliError(`server does not support this client: ${state.message}`));
      }
    });
  });
  return { failure, stop };
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
