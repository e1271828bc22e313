// Bundles src/main.ts into dist/main.js, the `lastro-server` command. Workspace packages
// (@lastro/*) are bundled because they export TypeScript source; every other dependency
// stays external and is loaded from node_modules, including the native addons.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const distDir = new URL('./dist/', import.meta.url).pathname;
// The bundle is written beside dist/ and renamed into place, so a process starting
// dist/main.js while another build runs (parallel test files rebuild it) never reads half a file.
const stagingDir = join(distDir, `.build-${process.pid}`);
const outfile = join(stagingDir, 'main.js');
mkdirSync(stagingDir, { recursive: true });
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
renameSync(`${outfile}.map`, join(distDir, 'main.js.map'));
renameSync(outfile, join(distDir, 'main.js'));
rmSync(stagingDir, { recursive: true, force: true });
