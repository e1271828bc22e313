import { ErrorBodySchema, check, type ErrorKind } from '@lastro/protocol';

/** Kinds of {@link LastroError}: the server's error kinds, plus `network` when the server could not be reached. */
export type LastroErrorKind = ErrorKind | 'network';

/** The one error class the engine's facade throws. */
export class LastroError extends Error {
  override readonly name = 'LastroError';
  readonly kind: LastroErrorKind;
  /** JSON pointer or field name of the invalid value, when the server named one. */
  readonly field: string | undefined;
  /** Milliseconds to wait before retrying, when the server sent a retry hint. */
  readonly retryAfterMs: number | undefined;
  /** HTTP status of the response, when the error came from one. */
  readonly status: number | undefined;

  constructor(
    kind: LastroErrorKind,
    message: string,
    details: { field?: string; retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.field = details.field;
    this.retryAfterMs = details.retryAfterMs;
    this.status = details.status;
  }
}

/** Maps an HTTP status to an error kind when the body carries none. */
function kindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return 'internal';
}

/**
 * Builds a {@link LastroError} from a non-2xx response, using the server's
 * `{"error":{kind,message,field?,retryAfterMs?}}` body when it has one.
 */
export async function errorFromResponse(response: Response, url: string): Promise<LastroError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = check(ErrorBodySchema, body);
  if (parsed.ok) {
    const { kind, message, field, retryAfterMs } = parsed.value.error;
    return new LastroError(kind, message, { field, retryAfterMs, status: response.status });
  }
  return new LastroError(kindForStatus(response.status), `${url} returned HTTP ${response.status}`, {
    status: response.status,
  });
}

/** Extracts the most specific reason from a fetch failure, such as "ECONNREFUSED" from Node's undici. */
export function describeNetworkFailure(error: unknown): string {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  if (cause && typeof cause === 'object') {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (cause as { errors?: unknown }).errors;
    if (Array.isArray(errors)) {
      const first = errors.find((item) => item && typeof (item as { code?: unknown }).code === 'string');
      if (first) return (first as { code: string }).code;
    }
    if (cause instanceof Error && cause.message) return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Builds the `network` error for a request that never got a response. */
export function networkError(url: string, error: unknown): LastroError {
  const reason = describeNetworkFailure(error);
  return new LastroError('network', `cannot reach ${url} (${reason})`, { cause: error });
}
