// Bundles src/main.ts into dist/main.js, the `lastro-server` command. Workspace packages
// (@lastro/*) are bundled because they export TypeScript source; every other dependency
// stays external and is loaded from node_modules, including the native addons.
import { chmodSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = new URL('./dist/main.js', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@lastro/'));

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
  external,
  sourcemap: true,
  logLevel: 'warning',
});

// Executable, so `./dist/main.js` runs through its #!/usr/bin/env node line.
chmodSync(outfile, 0o755);
