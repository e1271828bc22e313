/** The `kind` of an engine error, read without importing the engine, or undefined for other errors. */
export function errorKind(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const kind: unknown = Reflect.get(error, 'kind');
  return typeof kind === 'string' ? kind : undefined;
}

/** Translation key of the message shown under the login form for a failed login. */
export function loginErrorKey(error: unknown): string {
  switch (errorKind(error)) {
    case 'unauthorized':
      return 'login.errors.invalidCredentials';
    case 'network':
      return 'login.errors.unreachable';
    case 'rate_limited':
      return 'login.errors.rateLimited';
    case 'protocol_version_unsupported':
      return 'login.errors.incompatible';
    default:
      return 'login.errors.unexpected';
  }
}

/** Translation key of the message shown in the deposit dialog when the charge could not be created. */
export function depositErrorKey(error: unknown): string {
  switch (errorKind(error)) {
    case 'network':
      return 'deposit.errors.unreachable';
    case 'unauthorized':
    case 'session_revoked':
      return 'deposit.errors.sessionExpired';
    case 'invalid_request':
      return 'deposit.errors.invalidAmount';
    case 'rate_limited':
      return 'deposit.errors.rateLimited';
    default:
      return 'deposit.errors.unexpected';
  }
}

/** Translation key of the message shown when an operation could not be queued locally. */
export function operationErrorKey(error: unknown): string {
  switch (errorKind(error)) {
    case 'invalid_request':
      return 'operations.errors.invalidAmount';
    case 'unauthorized':
    case 'session_revoked':
      return 'operations.errors.noSession';
    default:
      return 'operations.errors.unexpected';
  }
}
