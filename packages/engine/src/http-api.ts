import {
  DepositResponseSchema,
  LoginResponseSchema,
  OwnLoansResponseSchema,
  check,
  type DepositResponse,
  type Device,
  type LoginResponse,
  type OwnLoansResponse,
} from '@lastro/protocol';
import { formatPixAmount } from '@lastro/domain';
import { LastroError, errorFromResponse, networkError } from './errors.js';

/**
 * The server's HTTP API as the client uses it. Every response body is validated before use,
 * and every failure is a {@link LastroError}.
 */
export class HttpApi {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  /** `POST /auth/login`. */
  async login(email: string, password: string, device: Device): Promise<LoginResponse> {
    const body = await this.send('/auth/login', { method: 'POST', json: { email, password, device } });
    return this.validate(LoginResponseSchema, body, '/auth/login');
  }

  /** `POST /auth/logout`: revokes the session and closes its sockets on the server. */
  async logout(token: string): Promise<void> {
    await this.send('/auth/logout', { method: 'POST', token });
  }

  /** `POST /api/v1/deposits`: creates a PIX charge, optionally for a fixed amount in centavos. */
  async createDeposit(token: string, amountCentavos?: number): Promise<DepositResponse> {
    let json: { valor?: string } = {};
    if (amountCentavos !== undefined) {
      if (!Number.isSafeInteger(amountCentavos) || amountCentavos <= 0) {
        throw new LastroError(
          'invalid_request',
          `invalid deposit amount ${String(amountCentavos)}: pass a positive integer of centavos, such as 50000 for R$ 500,00`,
          { field: 'amountCentavos' },
        );
      }
      json = { valor: formatPixAmount(amountCentavos) };
    }
    const body = await this.send('/api/v1/deposits', { method: 'POST', token, json });
    return this.validate(DepositResponseSchema, body, '/api/v1/deposits');
  }

  /** `GET /api/v1/me/loans`: the ids of the loans the user requested as a borrower. */
  async listOwnLoans(token: string): Promise<OwnLoansResponse> {
    const body = await this.send('/api/v1/me/loans', { method: 'GET', token });
    return this.validate(OwnLoansResponseSchema, body, '/api/v1/me/loans');
  }

  /**
   * Sends a request and returns the 2xx response unread; a non-2xx response throws the
   * server's error as a {@link LastroError}, and a failed fetch a `network` one.
   */
  async request(path: string, request: { method: string; token?: string; json?: unknown }): Promise<Response> {
    const url = new URL(path, this.baseUrl).toString();
    const headers: Record<string, string> = {};
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
      });
    } catch (error) {
      throw networkError(this.baseUrl, error);
    }
    if (!response.ok) {
      throw await errorFromResponse(response, url);
    }
    return response;
  }

  /** Sends a request and returns its parsed JSON body, or undefined for 204. */
  async send(path: string, request: { method: string; token?: string; json?: unknown }): Promise<unknown> {
    const response = await this.request(path, request);
    if (response.status === 204) {
      return undefined;
    }
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new LastroError('internal', `${new URL(path, this.baseUrl).toString()} returned a body that is not JSON (HTTP ${response.status})`);
    }
  }

  /** Checks a response body against its schema; a mismatch is an `internal` {@link LastroError}. */
  validate<T>(schema: Parameters<typeof check>[0], body: unknown, path: string): T {
    const parsed = check(schema, body);
    if (!parsed.ok) {
      throw new LastroError('internal', `the server's response to ${path} is invalid: ${parsed.message}`);
    }
    return parsed.value as T;
  }
}
