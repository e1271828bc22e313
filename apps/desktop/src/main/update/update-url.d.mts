/** Example of a valid update address, used in error messages. */
export declare const UPDATE_URL_EXAMPLE: string;

/**
 * Validates the base address of an electron-updater generic server and returns it with a
 * trailing slash; throws an Error that starts with "invalid SOURCE" otherwise.
 */
export declare function parseUpdateUrl(raw: string, source: string): string;
