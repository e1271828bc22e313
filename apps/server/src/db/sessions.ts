import type { Device } from '@lastro/protocol';
import type { SqliteDatabase } from './database.js';

export interface SessionRecord {
  id: string;
  userId: string;
  /** Hex sha256 of the bearer token; the token itself is never stored. */
  tokenSha256: string;
  device: Device;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
}

/** Login sessions, looked up by the hash of their token. */
export interface SessionRepository {
  insert(session: SessionRecord): void;
  /** Returns the session with this token hash unless it was revoked. */
  findActiveByTokenHash(tokenSha256: string): SessionRecord | undefined;
  touch(id: string, at: string): void;
  /** Marks the session revoked; returns false when it was already revoked or does not exist. */
  revoke(id: string, at: string): boolean;
  findById(id: string): SessionRecord | undefined;
  /** Lists the user's sessions that are not revoked, most recently used first. */
  listActive(userId: string): SessionRecord[];
  /** Lists the device ids of every earlier session of the user, revoked ones included. */
  deviceIds(userId: string): string[];
}

interface SessionRow {
  id: string;
  user_id: string;
  token_sha256: string;
  device_id: string;
  device_name: string;
  device_platform: Device['platform'];
  ip: string | null;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    tokenSha256: row.token_sha256,
    device: { id: row.device_id, name: row.device_name, platform: row.device_platform },
    ip: row.ip,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  };
}

export function createSqliteSessionRepository(db: SqliteDatabase): SessionRepository {
  const insert = db.prepare(
    `INSERT INTO sessions (id, user_id, token_sha256, device_id, device_name, device_platform, ip, created_at, last_seen_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byHash = db.prepare('SELECT * FROM sessions WHERE token_sha256 = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const byId = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const active = db.prepare('SELECT * FROM sessions WHERE user_id = ? AND revoked_at IS NULL ORDER BY last_seen_at DESC, id');
  const deviceIds = db.prepare('SELECT DISTINCT device_id FROM sessions WHERE user_id = ?');
  return {
    insert: (session) =>
      void insert.run(
        session.id,
        session.userId,
        session.tokenSha256,
        session.device.id,
        session.device.name,
        session.device.platform,
        session.ip,
        session.createdAt,
        session.lastSeenAt,
        session.revokedAt,
      ),
    findActiveByTokenHash: (tokenSha256) => {
      const row = byHash.get(tokenSha256) as SessionRow | undefined;
      return row === undefined ? undefined : sessionFromRow(row);
    },
    findById: (id) => {
      const row = byId.get(id) as SessionRow | undefined;
      return row === undefined ? undefined : sessionFromRow(row);
    },
    listActive: (userId) => (active.all(userId) as SessionRow[]).map(sessionFromRow),
    deviceIds: (userId) => (deviceIds.all(userId) as { device_id: string }[]).map((row) => row.device_id),
    touch: (id, at) => void touch.run(at, id),
    revoke: (id, at) => revoke.run(at, id).changes === 1,
  };
}
