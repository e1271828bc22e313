#!/usr/bin/env node
// Runs the bundled command. The bundle is built by "pnpm --filter @lastro/cli run build";
// from the repository root, "pnpm lastro" builds it first when needed.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/main.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('lastro: missing dist/main.js; build it with "pnpm --filter @lastro/cli run build"\n');
  process.exit(1);
}
await import(bundle.href);
