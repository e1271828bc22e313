import * as Y from 'yjs';
import type { Store } from '../db/store.js';

/** Name of the Y.Text that contains the notes of a loan. */
export const NOTES_TEXT = 'notes';

/** Text a notes document starts with, written once by the server when the document is created. */
export const NOTES_TEMPLATE = 'Notas de diligência\n\nFinalidade:\nCapacidade de pagamento:\nGarantias:\nRiscos:\n';

/** Raised when the stored updates of a document cannot be applied; the document is left untouched. */
export class DocumentLoadError extends Error {
  constructor(
    readonly documentName: string,
    readonly seq: number | 'snapshot',
    cause: unknown,
  ) {
    super(`document ${documentName} cannot be loaded: stored ${seq === 'snapshot' ? 'snapshot' : `update ${seq}`} is invalid (${(cause as Error).message ?? String(cause)})`, {
      cause,
    });
    this.name = 'DocumentLoadError';
  }
}

/** A document loaded from storage. */
export interface LoadedDocument {
  doc: Y.Doc;
  /** Highest stored sequence; the next update is stored as `lastSeq + 1`. */
  lastSeq: number;
  /** Stored updates that no snapshot contains yet. */
  storedUpdates: number;
  /** True when this load created the document and wrote the template. */
  created: boolean;
}

/**
 * Loads a notes document, first creating it with {@link NOTES_TEMPLATE} when it has no row.
 * The row insert and the template update share one transaction, and `INSERT OR IGNORE` makes
 * only the first creator write the template. Raises {@link DocumentLoadError} when a stored
 * update does not apply or leaves missing dependencies; nothing is written in that case.
 */
export function loadNotesDocument(store: Store, documentName: string, now: Date): LoadedDocument {
  const created = store.transaction(() => {
    if (!store.collab.createDocument(documentName, now.toISOString())) {
      return false;
    }
    store.collab.insertTemplate(documentName, templateUpdate(), now.toISOString());
    return true;
  });

  const stored = store.collab.load(documentName);
  if (stored === undefined) {
    throw new Error(`document ${documentName} has no row right after it was created`);
  }
  const doc = new Y.Doc();
  let position: number | 'snapshot' = 'snapshot';
  try {
    if (stored.snapshot !== null) {
      Y.applyUpdate(doc, stored.snapshot);
    }
    for (const update of stored.updates) {
      position = update.seq;
      Y.applyUpdate(doc, update.data);
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new Error('updates refer to changes that are not stored');
    }
  } catch (error) {
    doc.destroy();
    throw new DocumentLoadError(documentName, position, error);
  }
  const lastSeq = stored.updates.length === 0 ? stored.snapshotSeq : stored.updates[stored.updates.length - 1]!.seq;
  return { doc, lastSeq, storedUpdates: stored.updates.length, created };
}

/**
 * Merges the snapshot and every stored update of a document into a new snapshot and deletes
 * those updates, in one transaction. Returns the number of updates merged.
 */
export function compactDocument(store: Store, documentName: string, now: Date): number {
  return store.transaction(() => {
    const stored = store.collab.load(documentName);
    if (stored === undefined || stored.updates.length === 0) {
      return 0;
    }
    const parts = stored.snapshot === null ? [] : [stored.snapshot];
    for (const update of stored.updates) {
      parts.push(update.data);
    }
    const lastSeq = stored.updates[stored.updates.length - 1]!.seq;
    store.collab.replaceSnapshot(documentName, Y.mergeUpdates(parts), lastSeq, now.toISOString());
    return stored.updates.length;
  });
}

function templateUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(NOTES_TEXT).insert(0, NOTES_TEMPLATE);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
