import { Type, type Static } from '@sinclair/typebox';
import { UserSummarySchema } from './frames/server.js';
import { StringEnum } from './string-enum.js';

export const DeviceSchema = Type.Object({
  /** Stable id the client generates once per installation. */
  id: Type.String({ minLength: 1, maxLength: 64 }),
  /** Human-readable name, such as "MacBook da Ana". */
  name: Type.String({ minLength: 1, maxLength: 80 }),
  platform: StringEnum(['win32', 'darwin', 'linux', 'web', 'cli'] as const),
});
export type Device = Static<typeof DeviceSchema>;

/** `POST /auth/login` body. */
export const LoginRequestSchema = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  device: DeviceSchema,
});
export type LoginRequest = Static<typeof LoginRequestSchema>;

/** `POST /auth/login` 200 response. */
export const LoginResponseSchema = Type.Object({
  token: Type.String(),
  /** The new session's id, so a client can tell its own session in lists and alerts. */
  sessionId: Type.String({ minLength: 1, maxLength: 64 }),
  user: UserSummarySchema,
});
export type LoginResponse = Static<typeof LoginResponseSchema>;

/** `POST /api/v1/deposits` body; without `valor` the charge accepts any amount. */
export const DepositRequestSchema = Type.Object({
  /** Amount in the API Pix decimal form, such as "500.00". */
  valor: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}\\.[0-9]{2}$' })),
});
export type DepositRequest = Static<typeof DepositRequestSchema>;

/** `POST /api/v1/deposits` 201 response: a PIX charge and its BR Code ("copia e cola"). */
export const DepositResponseSchema = Type.Object({
  txid: Type.String({ pattern: '^[a-zA-Z0-9]{26,35}$' }),
  brCode: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type DepositResponse = Static<typeof DepositResponseSchema>;

/** `GET /api/v1/me/loans` 200 response: the ids of the loan requests the user made as a borrower. */
export const OwnLoansResponseSchema = Type.Object({
  loanIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10_000 }),
});
export type OwnLoansResponse = Static<typeof OwnLoansResponseSchema>;

/** One active session of the user, as `GET /api/v1/sessions` lists it. */
export const SessionSummarySchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  deviceId: Type.String({ minLength: 1, maxLength: 64 }),
  deviceName: Type.String({ maxLength: 80 }),
  platform: StringEnum(['win32', 'darwin', 'linux', 'web', 'cli'] as const),
  /** The network of the login: an IPv4 /24 or IPv6 /48, or null when unknown. */
  network: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  /** True for the session that made the request. */
  current: Type.Boolean(),
  /** True when the login was scored as risky. */
  suspicious: Type.Boolean(),
});
export type SessionSummary = Static<typeof SessionSummarySchema>;

/** `GET /api/v1/sessions` 200 response, most recently used first. */
export const SessionListResponseSchema = Type.Object({
  sessions: Type.Array(SessionSummarySchema, { maxItems: 1000 }),
});
export type SessionListResponse = Static<typeof SessionListResponseSchema>;

/** `POST /api/v1/sessions/revoke-others` 200 response: how many of the user's other sessions were ended. */
export const RevokeOtherSessionsResponseSchema = Type.Object({
  revoked: Type.Integer({ minimum: 0 }),
});
export type RevokeOtherSessionsResponse = Static<typeof RevokeOtherSessionsResponseSchema>;
