export * from './version.js';
export * from './errors.js';
export * from './documents.js';
export * from './operations.js';
export * from './frames/client.js';
export * from './frames/server.js';
export * from './http.js';
export * from './validate.js';
export { StringEnum } from './string-enum.js';
