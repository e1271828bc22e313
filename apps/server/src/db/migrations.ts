/**
 * Numbered schema migrations. A migration is never edited once released: a change to the
 * schema is a new entry at the end, applied once and recorded in `schema_migrations`.
 *
 * Money columns are signed integer centavos. Replicated rows (wallets, user ledger entries,
 * loans) carry `seq`, the value of `sync_sequence` taken in the transaction that last changed them.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Runs the migration with foreign key enforcement off, as SQLite's procedure for rebuilding a
   * table requires (https://www.sqlite.org/lang_altertable.html#otheralter). The runner checks
   * `PRAGMA foreign_key_check` before it commits.
   */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE sync_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      );
      INSERT INTO sync_sequence (id, value) VALUES (1, 0);

      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('investor', 'borrower', 'support')),
        organisation_id TEXT REFERENCES organisations(id),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        token_sha256 TEXT NOT NULL UNIQUE,
        device_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        device_platform TEXT NOT NULL,
        ip TEXT,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE ledger_accounts (
        id TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id),
        bucket TEXT CHECK (bucket IN ('available', 'blocked')),
        balance INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        CHECK ((user_id IS NULL) = (bucket IS NULL))
      );
      INSERT INTO ledger_accounts (id, created_at) VALUES
        ('platform:pix_settlement', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        ('platform:suspense', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        ('platform:pix_refunds_out', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE ledger_transactions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        reference TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE ledger_entries (
        id TEXT PRIMARY KEY,
        transaction_id TEXT NOT NULL REFERENCES ledger_transactions(id),
        account_id TEXT NOT NULL REFERENCES ledger_accounts(id),
        user_id TEXT REFERENCES users(id),
        bucket TEXT,
        amount INTEGER NOT NULL,
        balance_after INTEGER NOT NULL,
        kind TEXT NOT NULL,
        reference TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seq INTEGER UNIQUE
      );
      CREATE INDEX ledger_entries_transaction ON ledger_entries(transaction_id);
      CREATE INDEX ledger_entries_account ON ledger_entries(account_id);
      CREATE INDEX ledger_entries_user_seq ON ledger_entries(user_id, seq);

      CREATE TABLE wallets (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        available INTEGER NOT NULL DEFAULT 0,
        blocked INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL UNIQUE,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE pix_charges (
        txid TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        amount INTEGER,
        location_id TEXT NOT NULL,
        brcode TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX pix_charges_user ON pix_charges(user_id);

      CREATE TABLE pix_received (
        end_to_end_id TEXT PRIMARY KEY,
        txid TEXT,
        amount INTEGER NOT NULL,
        horario TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        transaction_id TEXT NOT NULL REFERENCES ledger_transactions(id),
        received_at TEXT NOT NULL
      );

      CREATE TABLE pix_refunds (
        id TEXT PRIMARY KEY,
        end_to_end_id TEXT NOT NULL REFERENCES pix_received(end_to_end_id),
        rtr_id TEXT NOT NULL,
        amount INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('EM_PROCESSAMENTO', 'DEVOLVIDO', 'NAO_REALIZADO')),
        blocked INTEGER NOT NULL CHECK (blocked IN (0, 1)),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX pix_refunds_pix ON pix_refunds(end_to_end_id);

      CREATE TABLE loans (
        id TEXT PRIMARY KEY,
        borrower_user_id TEXT REFERENCES users(id),
        borrower_name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        state TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        funded INTEGER NOT NULL CHECK (funded >= 0 AND funded <= amount),
        rate_monthly_bps INTEGER NOT NULL,
        term_months INTEGER NOT NULL,
        grade TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE
      );
      CREATE INDEX loans_status ON loans(status);
    `,
  },
  {
    version: 2,
    name: 'ledger entry charge txid',
    sql: `
      ALTER TABLE ledger_entries ADD COLUMN txid TEXT;
    `,
  },
  {
    version: 3,
    name: 'commands, positions, preferences, invested balance, pix keys',
    rebuildsTables: true,
    sql: `
      -- The bucket CHECK of ledger_accounts cannot be altered in place, so the table is rebuilt.
      CREATE TABLE ledger_accounts_v2 (
        id TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id),
        bucket TEXT CHECK (bucket IN ('available', 'blocked', 'invested')),
        balance INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        CHECK ((user_id IS NULL) = (bucket IS NULL))
      );
      INSERT INTO ledger_accounts_v2 (id, user_id, bucket, balance, created_at)
        SELECT id, user_id, bucket, balance, created_at FROM ledger_accounts;
      DROP TABLE ledger_accounts;
      ALTER TABLE ledger_accounts_v2 RENAME TO ledger_accounts;

      INSERT INTO ledger_accounts (id, created_at) VALUES ('platform:pix_out', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      INSERT INTO ledger_accounts (id, user_id, bucket, created_at)
        SELECT 'wallet:' || user_id || ':invested', user_id, 'invested', updated_at FROM wallets;

      ALTER TABLE wallets ADD COLUMN invested INTEGER NOT NULL DEFAULT 0;

      -- The outbox of every user. rowid is the arrival order; seq changes with every new version.
      CREATE TABLE commands (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        type TEXT NOT NULL CHECK (type IN ('invest', 'pixOut')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        loan_id TEXT,
        pix_key TEXT,
        pix_key_type TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
        reason TEXT,
        transaction_id TEXT REFERENCES ledger_transactions(id),
        available_after INTEGER,
        loan_funded_after INTEGER,
        pix_out_state TEXT CHECK (pix_out_state IN ('blocked', 'confirmed', 'failed')),
        issued_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        executed_at TEXT,
        seq INTEGER NOT NULL UNIQUE
      );
      CREATE INDEX commands_user_seq ON commands(user_id, seq);
      CREATE INDEX commands_pix_out_state ON commands(pix_out_state);

      CREATE TABLE positions (
        user_id TEXT NOT NULL REFERENCES users(id),
        loan_id TEXT NOT NULL REFERENCES loans(id),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        updated_at TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (user_id, loan_id)
      );
      CREATE INDEX positions_user_seq ON positions(user_id, seq);

      CREATE TABLE preferences (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        language TEXT NOT NULL,
        default_invest_amount INTEGER NOT NULL CHECK (default_invest_amount >= 0),
        updated_at TEXT NOT NULL,
        seq INTEGER NOT NULL UNIQUE
      );

      -- PIX keys registered by their owner. A key identifies one account, so it is unique per type.
      CREATE TABLE pix_keys (
        key_type TEXT NOT NULL CHECK (key_type IN ('cpf', 'cnpj', 'email', 'phone', 'evp')),
        key TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (key_type, key)
      );
      CREATE INDEX pix_keys_user ON pix_keys(user_id);
    `,
  },
  {
    version: 4,
    name: 'chat audit log',
    sql: `
      -- One row per chat message attempt and per support decision on a held message, chained by
      -- SHA-256 (src/audit/record.ts). There are no foreign keys, so the log never blocks, and is
      -- never changed by, later changes to users, sessions or rooms.
      CREATE TABLE chat_audit (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        recorded_at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        room_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        text TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'held', 'released', 'rejected_by_support')),
        reason TEXT,
        actor_id TEXT,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        CHECK ((decision IN ('released', 'rejected_by_support')) = (actor_id IS NOT NULL))
      );
      CREATE INDEX chat_audit_recorded_at ON chat_audit(recorded_at);
      CREATE INDEX chat_audit_user ON chat_audit(user_id, seq);
      CREATE INDEX chat_audit_room ON chat_audit(room_id, seq);

      -- Append-only: a new row must be the next link of the chain. This also rejects
      -- INSERT OR REPLACE of an existing seq, which would delete a row without firing the
      -- DELETE trigger.
      CREATE TRIGGER chat_audit_insert_next BEFORE INSERT ON chat_audit
      WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_audit)
        OR NEW.prev_hash IS NOT COALESCE(
          (SELECT hash FROM chat_audit ORDER BY seq DESC LIMIT 1),
          '0000000000000000000000000000000000000000000000000000000000000000')
      BEGIN
        SELECT RAISE(ABORT, 'chat_audit is append-only: seq must be the last seq plus one and prev_hash the last hash');
      END;
      CREATE TRIGGER chat_audit_no_update BEFORE UPDATE ON chat_audit
      BEGIN
        SELECT RAISE(ABORT, 'chat_audit is append-only: UPDATE is not allowed');
      END;
      CREATE TRIGGER chat_audit_no_delete BEFORE DELETE ON chat_audit
      BEGIN
        SELECT RAISE(ABORT, 'chat_audit is append-only: DELETE is not allowed');
      END;
    `,
  },
  {
    version: 5,
    name: 'chat rooms and messages',
    sql: `
      -- One room per (loan, investor), created by the investor's first message. borrower_id is
      -- the loan's borrower_user_id when the room was created.
      CREATE TABLE chat_rooms (
        id TEXT PRIMARY KEY,
        loan_id TEXT NOT NULL REFERENCES loans(id),
        investor_id TEXT NOT NULL REFERENCES users(id),
        borrower_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (loan_id, investor_id)
      );

      -- One row per message attempt; id is the client's message id. room_id has no foreign key
      -- because an attempt rejected as not_a_member names a room that may not exist.
      CREATE TABLE chat_messages (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'held')),
        reason TEXT,
        retry_at TEXT,
        created_at TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decided_by TEXT REFERENCES users(id)
      );
      CREATE INDEX chat_messages_sender_created ON chat_messages(sender_id, created_at);
      CREATE INDEX chat_messages_room_created ON chat_messages(room_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'chat messages replicated by sync',
    sql: `
      -- The sync protocol replicates chat messages: each change takes the next server sequence,
      -- and the document names its loan and investor even when its room does not exist.
      ALTER TABLE chat_messages ADD COLUMN loan_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE chat_messages ADD COLUMN investor_id TEXT NOT NULL DEFAULT '';
      -- Comma-separated kinds of contact data that held the message, or NULL.
      ALTER TABLE chat_messages ADD COLUMN contact_kinds TEXT;
      -- Device clock when the user pressed send, shown while pending; never used for ordering.
      ALTER TABLE chat_messages ADD COLUMN sent_at TEXT;
      ALTER TABLE chat_messages ADD COLUMN seq INTEGER;

      -- Room ids are "chat:<loan id>:<investor id>"; loan ids never contain ":".
      UPDATE chat_messages SET
        loan_id = substr(room_id, 6, instr(substr(room_id, 6), ':') - 1),
        investor_id = substr(room_id, 6 + instr(substr(room_id, 6), ':')),
        sent_at = created_at,
        seq = (SELECT value FROM sync_sequence WHERE id = 1) + rowid;
      UPDATE sync_sequence SET value = value + COALESCE((SELECT MAX(rowid) FROM chat_messages), 0) WHERE id = 1;

      CREATE UNIQUE INDEX chat_messages_seq ON chat_messages(seq);
      CREATE INDEX chat_rooms_investor ON chat_rooms(investor_id);
      CREATE INDEX chat_rooms_borrower ON chat_rooms(borrower_id);
    `,
  },
  {
    version: 7,
    name: 'notifications',
    sql: `
      -- One row per notification of a user. id is the de-duplication key derived from the event
      -- (such as "pix:<endToEndId>"), so inserting the same event twice keeps the first row.
      CREATE TABLE notifications (
        user_id TEXT NOT NULL REFERENCES users(id),
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        priority TEXT NOT NULL CHECK (priority IN ('critical', 'normal')),
        title_pt TEXT NOT NULL,
        body_pt TEXT NOT NULL,
        title_en TEXT NOT NULL,
        body_en TEXT NOT NULL,
        loan_id TEXT,
        investor_id TEXT,
        session_id TEXT,
        created_at TEXT NOT NULL,
        deliver_at TEXT NOT NULL,
        delivered_at TEXT,
        shown_at TEXT,
        shown_channel TEXT CHECK (shown_channel IN ('in_app', 'os')),
        opened_at TEXT,
        read_at TEXT,
        seq INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (user_id, id)
      );
      CREATE INDEX notifications_user_seq ON notifications(user_id, seq);
      CREATE INDEX notifications_opened ON notifications(opened_at) WHERE opened_at IS NOT NULL;

      -- Quiet hours (America/Sao_Paulo, whole hours) and muted types as a JSON array.
      ALTER TABLE preferences ADD COLUMN quiet_hours_start INTEGER CHECK (quiet_hours_start BETWEEN 0 AND 23);
      ALTER TABLE preferences ADD COLUMN quiet_hours_end INTEGER CHECK (quiet_hours_end BETWEEN 0 AND 23);
      ALTER TABLE preferences ADD COLUMN muted_notification_types TEXT NOT NULL DEFAULT '[]';
      -- The saved loan book filter as JSON, or NULL.
      ALTER TABLE preferences ADD COLUMN loan_alert TEXT;
    `,
  },
  {
    version: 8,
    name: 'login attempts and security events',
    sql: `
      -- Every login attempt, kept to score later logins. user_id is NULL for an unknown e-mail.
      CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        user_id TEXT REFERENCES users(id),
        email TEXT NOT NULL,
        network TEXT,
        device_id TEXT NOT NULL,
        succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
        at TEXT NOT NULL
      );
      CREATE INDEX login_attempts_user_at ON login_attempts(user_id, at);

      -- A login scored as risky; reasons is a JSON array such as ["new_device"].
      CREATE TABLE security_events (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        session_id TEXT NOT NULL REFERENCES sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('suspicious_login')),
        reasons TEXT NOT NULL,
        network TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX security_events_user ON security_events(user_id, created_at);
    `,
  },
  {
    version: 9,
    name: 'collaborative documents',
    sql: `
      -- One row per shared Yjs document, such as "notes:org:<organisationId>:<loanId>". snapshot
      -- is a Yjs update (v1 encoding) that merges every update up to snapshot_seq; NULL before the
      -- first compaction.
      CREATE TABLE collab_documents (
        name TEXT PRIMARY KEY,
        snapshot BLOB,
        snapshot_seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        compacted_at TEXT
      );

      -- Yjs updates (v1 encoding) applied after the snapshot, in the order the server applied them.
      CREATE TABLE collab_updates (
        document_name TEXT NOT NULL REFERENCES collab_documents(name),
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (document_name, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 10,
    name: 'last change of collaborative documents',
    sql: `
      -- When a client last changed the document, so support can list notes by recent activity;
      -- NULL while it holds only the template the server wrote as update 1.
      ALTER TABLE collab_documents ADD COLUMN updated_at TEXT;
      UPDATE collab_documents SET updated_at = COALESCE(
        (SELECT MAX(created_at) FROM collab_updates
          WHERE collab_updates.document_name = collab_documents.name AND collab_updates.seq > 1),
        CASE WHEN snapshot_seq > 1 THEN compacted_at END
      );
    `,
  },
  {
    version: 11,
    name: 'confirmed suspicious logins',
    sql: `
      -- When the user said a suspicious login was their own; such a session is no longer marked.
      ALTER TABLE security_events ADD COLUMN confirmed_at TEXT;
    `,
  },
];
