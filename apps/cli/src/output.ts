/**
 * The CLI's only contact with the terminal: JSON lines on stdout are its product, and
 * messages for people go to stderr prefixed with "lastro:".
 */

/** Exit status of a command. `rejected` is a request the server decided against, such as a chat message. */
export const EXIT = { ok: 0, failure: 1, usage: 2, rejected: 3 } as const;

/** A failure the CLI reports with a message and an exit status instead of a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Builds the error for a bad flag or argument (exit status 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/** Writes one JSON line to stdout. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes plain text, such as help, to stdout. */
export function printText(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes a message for people to stderr. */
export function printMessage(message: string): void {
  process.stderr.write(`lastro: ${message}\n`);
}

/** Writes a diagnostic as one JSON line to stderr, so it never mixes with the JSON on stdout. */
export function printDiagnostic(level: string, message: string, context: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ level, msg: message, ...context })}\n`);
}
