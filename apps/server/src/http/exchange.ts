import { randomUUID } from 'node:crypto';
import type { ErrorBody, ErrorKind } from '@lastro/protocol';
import type { Logger } from 'pino';
import type { HttpRequest, HttpResponse } from 'uWebSockets.js';
import type { Metrics } from '../metrics.js';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Thrown by {@link HttpExchange.readBody} when the body exceeds the limit. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

/** Thrown by {@link HttpExchange.readBody} when the client went away while sending. */
export class AbortedError extends Error {}

/**
 * One HTTP request and its response. uWebSockets.js forbids touching a response after the
 * client aborted it and reading the request after the handler returns, so headers are read
 * up front and every write checks `aborted`.
 */
export class HttpExchange {
  readonly requestId = randomUUID();
  readonly method: string;
  readonly url: string;
  /** The raw query string without "?", or "" when there is none. */
  readonly query: string;
  readonly ip: string;
  /** Request logger; `authenticate` adds the user and session ids once authenticated. */
  log: Logger;
  aborted = false;
  private finished = false;
  private readonly headers = new Map<string, string>();
  private onAbort: (() => void) | undefined;

  constructor(
    private readonly res: HttpResponse,
    req: HttpRequest,
    private readonly route: string,
    logger: Logger,
    private readonly metrics: Metrics,
  ) {
    this.method = req.getMethod().toUpperCase();
    this.url = req.getUrl();
    this.query = req.getQuery() ?? '';
    req.forEach((key, value) => this.headers.set(key, value));
    this.ip = Buffer.from(res.getRemoteAddressAsText()).toString();
    this.log = logger.child({ requestId: this.requestId });
    res.onAborted(() => {
      this.aborted = true;
      this.onAbort?.();
    });
  }

  header(lowerCaseName: string): string {
    return this.headers.get(lowerCaseName) ?? '';
  }

  /**
   * Reads the whole body, failing with {@link PayloadTooLargeError} past `limit` bytes. Call it
   * before the handler's first await, because uWebSockets.js discards chunks that arrive
   * before `onData` is set.
   */
  readBody(limit: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const declared = Number(this.header('content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        reject(new PayloadTooLargeError(limit));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let rejected = false;
      this.onAbort = () => reject(new AbortedError('client aborted the request'));
      this.res.onData((chunk, isLast) => {
        if (rejected) {
          return;
        }
        size += chunk.byteLength;
        if (size > limit) {
          rejected = true;
          reject(new PayloadTooLargeError(limit));
          return;
        }
        // uWebSockets.js reuses the chunk's memory after this callback, so copy it.
        chunks.push(Buffer.from(new Uint8Array(chunk)));
        if (isLast) {
          resolve(Buffer.concat(chunks));
        }
      });
    });
  }

  /** Reads and parses a JSON body; sends 400 or 413 itself and returns undefined when that fails. */
  async readJson(limit: number): Promise<{ value: unknown } | undefined> {
    let body: Buffer;
    try {
      body = await this.readBody(limit);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        this.sendError(413, 'payload_too_large', `request body is larger than ${limit} bytes; send a smaller body`, undefined, true);
        return undefined;
      }
      if (error instanceof AbortedError) {
        return undefined;
      }
      throw error;
    }
    if (body.length === 0) {
      return { value: undefined };
    }
    try {
      return { value: JSON.parse(body.toString('utf8')) as unknown };
    } catch {
      this.sendError(400, 'invalid_request', 'request body is not valid JSON; send a JSON object', '/');
      return undefined;
    }
  }

  send(status: number, body: string | Buffer, headers: Record<string, string> = {}, closeConnection = false): void {
    this.respond(status, headers, () => this.res.end(body, closeConnection));
  }

  sendJson(status: number, body: unknown): void {
    this.send(status, JSON.stringify(body), { 'content-type': 'application/json' });
  }

  sendEmpty(status: number, headers: Record<string, string> = {}): void {
    this.respond(status, headers, () => this.res.endWithoutBody());
  }

  /** Writes the status and headers once, then `end`s the response, all in one cork. */
  private respond(status: number, headers: Record<string, string>, end: () => void): void {
    if (this.aborted || this.finished) {
      return;
    }
    this.finished = true;
    this.res.cork(() => {
      this.res.writeStatus(`${status} ${STATUS_TEXT[status] ?? ''}`.trim());
      this.res.writeHeader('x-request-id', this.requestId);
      for (const [name, value] of Object.entries(headers)) {
        this.res.writeHeader(name, value);
      }
      end();
    });
    this.metrics.httpRequests.inc({ route: this.route, method: this.method, status: String(status) });
  }

  sendError(
    status: number,
    kind: ErrorKind,
    message: string,
    field?: string,
    closeConnection = false,
  ): void {
    const body: ErrorBody = { error: { kind, message, ...(field === undefined ? {} : { field }) } };
    this.send(status, JSON.stringify(body), { 'content-type': 'application/json' }, closeConnection);
  }
}
