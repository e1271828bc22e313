import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxStorage } from 'rxdb';
import { COLLECTION_NAMES, PROTOCOL_VERSION, rxSchemaFor, type CollectionDocs, type CollectionName } from '@lastro/protocol';

/** The RxDB collections of one user's local database. */
export type LastroCollections = { [C in CollectionName]: RxCollection<CollectionDocs[C]> };
export type LastroDatabase = RxDatabase<LastroCollections>;

/** 32-bit FNV-1a hash in hex, enough to keep sanitised database names apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Returns the local database name of a user: `lastro_v<protocol version>_<user id>`. RxDB
 * names allow only lowercase letters, digits, `_` and `-`, so other ids are sanitised and
 * suffixed with a hash of the original id to keep distinct users apart. The protocol version
 * is part of the name because each version may change the collection schemas, and RxDB
 * refuses to reopen a store whose schemas changed. A new version therefore starts from a
 * fresh store and syncs again.
 * NOTE: commands still queued in the previous version's store are not carried over. A
 * version that changes the commands schema needs an RxDB migration strategy instead.
 */
export function databaseNameFor(userId: string): string {
  const prefix = `lastro_v${PROTOCOL_VERSION}`;
  if (/^[a-z0-9_-]+$/.test(userId)) {
    return `${prefix}_${userId}`;
  }
  const sanitised = userId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return `${prefix}_${sanitised}_${fnv1a(userId)}`;
}

let devModeLoaded: Promise<void> | null = null;

/**
 * Loads RxDB dev-mode once per process. The module specifier is a variable so bundlers do not
 * follow it: dev-mode must stay out of production builds, because in a browser it loads a
 * frame from the RxDB website.
 */
async function loadDevMode(): Promise<void> {
  devModeLoaded ??= (async () => {
    const specifier = 'rxdb/plugins/dev-mode';
    const devMode = (await import(/* @vite-ignore */ specifier)) as typeof import('rxdb/plugins/dev-mode');
    devMode.disableWarnings();
    addRxPlugin(devMode.RxDBDevModePlugin);
  })();
  return devModeLoaded;
}

async function wrapWithValidation(storage: RxStorage<any, any>): Promise<RxStorage<any, any>> {
  const specifier = 'rxdb/plugins/validate-ajv';
  const ajv = (await import(/* @vite-ignore */ specifier)) as typeof import('rxdb/plugins/validate-ajv');
  return ajv.wrappedValidateAjvStorage({ storage });
}

/** Conflict handlers of the client-writable collections; the others use RxDB's default. */
export type ConflictHandlers = Partial<{ [C in CollectionName]: RxConflictHandler<CollectionDocs[C]> }>;

/**
 * Opens the local database of `userId` with one collection per replicated collection. With
 * `devMode`, RxDB checks schemas and queries and validates every write with ajv.
 */
export async function openUserDatabase(
  userId: string,
  storage: RxStorage<any, any>,
  devMode: boolean,
  conflictHandlers: ConflictHandlers = {},
): Promise<LastroDatabase> {
  if (devMode) {
    await loadDevMode();
  }
  const database = await createRxDatabase<LastroCollections>({
    name: databaseNameFor(userId),
    storage: devMode ? await wrapWithValidation(storage) : storage,
    // NOTE: one open instance per user database is assumed (the desktop app holds a
    // single-instance lock). Two browser tabs of the web terminal would both replicate.
    multiInstance: false,
    eventReduce: true,
  });
  try {
    const schemas = Object.fromEntries(
      COLLECTION_NAMES.map((name) => [name, { schema: rxSchemaFor(name), conflictHandler: conflictHandlers[name] }]),
    );
    await database.addCollections(schemas as never);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
