/**
 * The IndexedDB storage for the renderer, kept out of the main entry so Node hosts never load
 * Dexie. `fake-indexeddb` gives it an IndexedDB in Node tests.
 */
export { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
