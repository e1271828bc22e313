// Bundles each benchmark entry point into dist/ with esbuild.
//
// Workspace packages (@lastro/*) are TypeScript sources, so they are bundled. Every npm
// package stays external but is imported by its resolved absolute path, because native
// addons (uWebSockets.js, better-sqlite3) cannot be bundled and the packages that
// @lastro/server and @lastro/engine depend on are not installed in bench/node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const engineDir = fileURLToPath(new URL('../packages/engine/src/', import.meta.url));

const ENTRY_POINTS = {
  'fanout/main': 'fanout/main.ts',
  'fanout/receiver-worker': 'fanout/receiver-worker.ts',
  'pix-to-screen/main': 'pix-to-screen/main.ts',
  'pix-to-screen/watched-client-worker': 'pix-to-screen/watched-client-worker.ts',
  'outbox-flush/main': 'outbox-flush/main.ts',
  'outbox-flush/client-worker': 'outbox-flush/client-worker.ts',
  'cold-sync/main': 'cold-sync/main.ts',
  'cold-sync/client-worker': 'cold-sync/client-worker.ts',
  'collab-relay/main': 'collab-relay/main.ts',
  'collab-relay/subscriber-worker': 'collab-relay/subscriber-worker.ts',
  'collab-relay/writer-worker': 'collab-relay/writer-worker.ts',
};

const RESOLVING = Symbol('resolving');

/** Marks bare npm imports external, rewritten to the file esbuild resolves them to. */
const externalByAbsolutePath = {
  name: 'external-by-absolute-path',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.path.startsWith('@lastro/') || args.path.startsWith('node:')) {
        return undefined;
      }
      // RxDB plugins (such as the memory storage) must be the copy @lastro/engine uses.
      const isRxdb = args.path === 'rxdb' || args.path.startsWith('rxdb/');
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: isRxdb ? engineDir : args.resolveDir,
        importer: args.importer,
        pluginData: RESOLVING,
      });
      if (resolved.errors.length > 0) {
        return { errors: resolved.errors };
      }
      // Node built-ins without the node: prefix resolve to themselves.
      if (resolved.external) {
        return { path: args.path, external: true };
      }
      return { path: resolved.path, external: true };
    });
  },
};

await build({
  absWorkingDir: benchDir,
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalByAbsolutePath],
});
