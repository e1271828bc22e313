import type { Logger } from 'pino';
import type { Role } from '../db/users.js';
import type { TokenBucket } from './rate-limit.js';

/** Per-connection state kept in the uWebSockets.js user data. */
export interface SocketData {
  connectionId: string;
  ip: string;
  /** Set when the socket starts closing or has closed; handlers must not use it afterwards. */
  closed: boolean;
  /** Set by a successful auth frame. */
  principal?: { userId: string; sessionId: string; role: Role; name: string };
  authTimer?: NodeJS.Timeout;
  frames: TokenBucket;
  invalidFrames: number;
  /** Send-buffer size above which the socket is closed as a slow consumer. */
  maxBufferedBytes: number;
  log: Logger;
}
