import { check, COLLECTIONS, type CollectionDocs, type PushFrame } from '@lastro/protocol';

/** An invalid push row; the whole push is rejected with `invalid_request` and nothing is applied. */
export class PushRowError extends Error {
  constructor(
    /** JSON pointer into the push frame, such as `/rows/2/newDocumentState/status`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PushRowError';
  }
}

/** Collections clients may push to. */
export type PushableCollection = 'commands' | 'preferences' | 'chatMessages' | 'notifications';

/** A push row whose new state matches its collection's schema. */
export interface ValidRow<C extends PushableCollection> {
  index: number;
  doc: CollectionDocs[C];
  assumed: Record<string, unknown> | null;
}

/**
 * Checks every row's `newDocumentState` against the collection schema and the pushing user.
 * Deletion is not supported, so `_deleted` must be false or absent; a preferences document's
 * id must be the user's id.
 *
 * @throws PushRowError naming the first invalid row and field.
 */
export function validateRows<C extends PushableCollection>(collection: C, userId: string, frame: PushFrame): ValidRow<C>[] {
  const schema = COLLECTIONS[collection].schema;
  return frame.rows.map((row, index) => {
    const { _deleted: deleted, ...fields } = row.newDocumentState;
    if (deleted !== undefined && deleted !== false) {
      throw new PushRowError(`/rows/${index}/newDocumentState/_deleted`, `${collection} documents cannot be deleted; send _deleted: false`);
    }
    const result = check(schema, fields);
    if (!result.ok) {
      throw new PushRowError(`/rows/${index}/newDocumentState${result.field}`, result.message);
    }
    const doc = result.value as CollectionDocs[C];
    if (collection === 'preferences' && doc.id !== userId) {
      throw new PushRowError(`/rows/${index}/newDocumentState/id`, `preferences id must be your user id ${userId}, not ${doc.id}`);
    }
    return { index, doc, assumed: row.assumedMasterState };
  });
}
