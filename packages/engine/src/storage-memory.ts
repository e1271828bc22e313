/**
 * The in-memory storage for Node hosts (the CLI and tests). Data lives as long as the process,
 * shared by every database of the same name in it.
 */
export { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
