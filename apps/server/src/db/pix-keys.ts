import type { PixKeyType } from '@lastro/protocol';
import type { SqliteDatabase } from './database.js';

/** PIX keys registered by their owners, stored in canonical form (see `validatePixKey`). */
export interface PixKeyRepository {
  /** Registers a key; does nothing when this user already has it. Throws when another user has it. */
  register(userId: string, type: PixKeyType, canonicalKey: string, createdAt: string): void;
  /** Returns the id of the user who registered the key, or undefined. */
  ownerOf(type: PixKeyType, canonicalKey: string): string | undefined;
}

export function createSqlitePixKeyRepository(db: SqliteDatabase): PixKeyRepository {
  const insert = db.prepare(
    'INSERT INTO pix_keys (key_type, key, user_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_type, key) DO NOTHING',
  );
  const owner = db.prepare('SELECT user_id FROM pix_keys WHERE key_type = ? AND key = ?');
  const ownerOf = (type: PixKeyType, key: string): string | undefined =>
    (owner.get(type, key) as { user_id: string } | undefined)?.user_id;
  return {
    register: (userId, type, key, createdAt) => {
      insert.run(type, key, userId, createdAt);
      const registeredTo = ownerOf(type, key);
      if (registeredTo !== userId) {
        throw new Error(`PIX key ${type} ${key} is already registered to another user`);
      }
    },
    ownerOf,
  };
}
