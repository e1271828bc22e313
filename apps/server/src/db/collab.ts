import type { SqliteDatabase } from './database.js';

/** The persisted state of one shared document: its snapshot and the updates stored after it. */
export interface StoredCollabDocument {
  /** Merged Yjs update of every update up to `snapshotSeq`, or null before the first compaction. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates after the snapshot, in `seq` order. */
  updates: { seq: number; data: Uint8Array }[];
}

/** Shared Yjs documents (tables `collab_documents` and `collab_updates`). */
export interface CollabRepository {
  /** Inserts the document row unless it exists; returns true when this call created it. */
  createDocument(name: string, createdAt: string): boolean;
  /** Returns the snapshot and the updates after it, or undefined when the document has no row. */
  load(name: string): StoredCollabDocument | undefined;
  /** Stores the server's template as update 1 of a new document; it does not count as a change. */
  insertTemplate(name: string, data: Uint8Array, createdAt: string): void;
  /** Stores one client update. `seq` must be greater than every stored sequence of the document. */
  appendUpdate(name: string, seq: number, data: Uint8Array, createdAt: string): void;
  /**
   * Replaces the snapshot with `snapshot`, which must merge the old snapshot and every update up
   * to `upToSeq`, and deletes those updates. Call inside a transaction.
   */
  replaceSnapshot(name: string, snapshot: Uint8Array, upToSeq: number, compactedAt: string): void;
  /** Counts the stored updates of a document that no snapshot contains yet. */
  countUpdates(name: string): number;
  /** The organisations whose investors changed the notes of a loan, last changed first. */
  listLoanNotes(loanId: string): StoredLoanNotes[];
}

/** An organisation's notes document on one loan. */
export interface StoredLoanNotes {
  organisationId: string;
  organisationName: string;
  createdAt: string;
  updatedAt: string;
}

interface DocumentRow {
  snapshot: Buffer | null;
  snapshot_seq: number;
}

export function createSqliteCollabRepository(db: SqliteDatabase): CollabRepository {
  const insertDocument = db.prepare('INSERT OR IGNORE INTO collab_documents (name, created_at) VALUES (?, ?)');
  const selectDocument = db.prepare('SELECT snapshot, snapshot_seq FROM collab_documents WHERE name = ?');
  const selectUpdates = db.prepare('SELECT seq, data FROM collab_updates WHERE document_name = ? AND seq > ? ORDER BY seq');
  const insertUpdate = db.prepare('INSERT INTO collab_updates (document_name, seq, data, created_at) VALUES (?, ?, ?, ?)');
  const updateSnapshot = db.prepare(
    'UPDATE collab_documents SET snapshot = ?, snapshot_seq = ?, compacted_at = ? WHERE name = ?',
  );
  const deleteUpdates = db.prepare('DELETE FROM collab_updates WHERE document_name = ? AND seq <= ?');
  const countUpdates = db.prepare('SELECT COUNT(*) AS count FROM collab_updates WHERE document_name = ?');
  const touchDocument = db.prepare('UPDATE collab_documents SET updated_at = ? WHERE name = ?');
  // One primary-key lookup per organisation, for the name "notes:org:<organisationId>:<loanId>".
  const selectLoanNotes = db.prepare(
    `SELECT o.id AS organisationId, o.name AS organisationName, d.created_at AS createdAt,
            d.updated_at AS updatedAt
       FROM organisations o
       JOIN collab_documents d ON d.name = 'notes:org:' || o.id || ':' || ?
      WHERE d.updated_at IS NOT NULL
      ORDER BY updatedAt DESC, o.name`,
  );
  return {
    createDocument: (name, createdAt) => insertDocument.run(name, createdAt).changes === 1,
    load: (name) => {
      const row = selectDocument.get(name) as DocumentRow | undefined;
      if (row === undefined) {
        return undefined;
      }
      const updates = (selectUpdates.all(name, row.snapshot_seq) as { seq: number; data: Buffer }[]).map((update) => ({
        seq: update.seq,
        data: new Uint8Array(update.data),
      }));
      return {
        snapshot: row.snapshot === null ? null : new Uint8Array(row.snapshot),
        snapshotSeq: row.snapshot_seq,
        updates,
      };
    },
    insertTemplate: (name, data, createdAt) => void insertUpdate.run(name, 1, Buffer.from(data), createdAt),
    appendUpdate: (name, seq, data, createdAt) => {
      insertUpdate.run(name, seq, Buffer.from(data), createdAt);
      touchDocument.run(createdAt, name);
    },
    replaceSnapshot: (name, snapshot, upToSeq, compactedAt) => {
      updateSnapshot.run(Buffer.from(snapshot), upToSeq, compactedAt, name);
      deleteUpdates.run(name, upToSeq);
    },
    countUpdates: (name) => (countUpdates.get(name) as { count: number }).count,
    listLoanNotes: (loanId) => selectLoanNotes.all(loanId) as StoredLoanNotes[],
  };
}
