import { createSqliteChatAuditRepository, type ChatAuditRepository } from '../audit/repository.js';
import { createSqliteChatRepository, type ChatRepository } from '../chat/repository.js';
import { createSqliteLedger, type Ledger } from '../ledger/ledger.js';
import { createSqliteActivityRepository, type ActivityRepository } from './activity.js';
import { createSqliteChargeRepository, type ChargeRepository } from './charges.js';
import { createSqliteCollabRepository, type CollabRepository } from './collab.js';
import { createSqliteCommandRepository, type CommandRepository } from './commands.js';
import type { SqliteDatabase } from './database.js';
import { createSqliteLoanRepository, type LoanRepository } from './loans.js';
import { createSqliteNotificationRepository, type NotificationRepository } from './notifications.js';
import { createSqlitePixKeyRepository, type PixKeyRepository } from './pix-keys.js';
import { createSqlitePixRepository, type PixRepository } from './pix.js';
import { createSqlitePositionRepository, type PositionRepository } from './positions.js';
import { createSqliteSecurityRepository, type SecurityRepository } from './security.js';
import { createSqlitePreferencesRepository, type PreferencesRepository } from './preferences.js';
import { createSqliteSessionRepository, type SessionRepository } from './sessions.js';
import { createSqliteSyncReadRepository, type SyncReadRepository } from './sync-reads.js';
import { createSqliteUserRepository, type UserRepository } from './users.js';

/**
 * Every repository over one database, and the transaction that groups their writes.
 * A PostgreSQL adapter implements the same interfaces.
 */
export interface Store {
  users: UserRepository;
  sessions: SessionRepository;
  charges: ChargeRepository;
  pix: PixRepository;
  loans: LoanRepository;
  commands: CommandRepository;
  positions: PositionRepository;
  preferences: PreferencesRepository;
  pixKeys: PixKeyRepository;
  ledger: Ledger;
  syncReads: SyncReadRepository;
  chatAudit: ChatAuditRepository;
  chat: ChatRepository;
  notifications: NotificationRepository;
  security: SecurityRepository;
  activity: ActivityRepository;
  collab: CollabRepository;
  /**
   * Runs `work` in one write transaction (SQLite `BEGIN IMMEDIATE`, so concurrent writers
   * wait instead of failing on upgrade). Rolls back when `work` throws.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}

export function createSqliteStore(db: SqliteDatabase): Store {
  return {
    users: createSqliteUserRepository(db),
    sessions: createSqliteSessionRepository(db),
    charges: createSqliteChargeRepository(db),
    pix: createSqlitePixRepository(db),
    loans: createSqliteLoanRepository(db),
    commands: createSqliteCommandRepository(db),
    positions: createSqlitePositionRepository(db),
    preferences: createSqlitePreferencesRepository(db),
    pixKeys: createSqlitePixKeyRepository(db),
    ledger: createSqliteLedger(db),
    syncReads: createSqliteSyncReadRepository(db),
    chatAudit: createSqliteChatAuditRepository(db),
    chat: createSqliteChatRepository(db),
    notifications: createSqliteNotificationRepository(db),
    security: createSqliteSecurityRepository(db),
    activity: createSqliteActivityRepository(db),
    collab: createSqliteCollabRepository(db),
    transaction: (work) => db.transaction(work).immediate(),
    close: () => db.close(),
  };
}
