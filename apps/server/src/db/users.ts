import type { UserSummary } from '@lastro/protocol';
import type { SqliteDatabase } from './database.js';

export type Role = UserSummary['role'];

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  /** Encoded scrypt hash, see `auth/passwords.ts`. */
  passwordHash: string;
  createdAt: string;
}

/** Users and organisations. */
export interface UserRepository {
  insertOrganisation(organisation: { id: string; name: string; createdAt: string }): void;
  insert(user: UserRecord): void;
  findByEmail(email: string): UserRecord | undefined;
  findById(id: string): UserRecord | undefined;
  organisationExists(id: string): boolean;
  count(): number;
  /** Lists the ids of the users with `role`. */
  idsWithRole(role: Role): string[];
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string;
  created_at: string;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

export function createSqliteUserRepository(db: SqliteDatabase): UserRepository {
  const insertOrganisation = db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)');
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at)
     VALUES (@id, @email, @name, @role, @organisationId, @passwordHash, @createdAt)`,
  );
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const countUsers = db.prepare('SELECT COUNT(*) AS count FROM users');
  const organisationById = db.prepare('SELECT 1 FROM organisations WHERE id = ?');
  const idsWithRole = db.prepare('SELECT id FROM users WHERE role = ? ORDER BY id');
  return {
    insertOrganisation: ({ id, name, createdAt }) => void insertOrganisation.run(id, name, createdAt),
    insert: (user) => void insertUser.run(user),
    findByEmail: (email) => {
      const row = byEmail.get(email.toLowerCase()) as UserRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    findById: (id) => {
      const row = byId.get(id) as UserRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    organisationExists: (id) => organisationById.get(id) !== undefined,
    count: () => (countUsers.get() as { count: number }).count,
    idsWithRole: (role) => (idsWithRole.all(role) as { id: string }[]).map((row) => row.id),
  };
}
