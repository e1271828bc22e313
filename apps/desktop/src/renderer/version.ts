declare const __LASTRO_VERSION__: string | undefined;

/** Version of the app, from apps/desktop/package.json at build time; "dev" where the build did not set it. */
export const APP_VERSION: string = typeof __LASTRO_VERSION__ === 'string' ? __LASTRO_VERSION__ : 'dev';
