// Bundles the CLI into dist/main.js. Workspace packages (@lastro/*) are bundled from their
// TypeScript sources. Every other package stays external, so it must be a dependency of this
// package: the bundle resolves it from apps/cli/node_modules at run time.
import { build } from 'esbuild';
import { readFile, chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const declared = new Set(Object.keys(pkg.dependencies ?? {}));

/** Returns the package name of a bare import: "rxdb/plugins/x" -> "rxdb", "@scope/a/b" -> "@scope/a". */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const externalNonWorkspace = {
  name: 'external-non-workspace',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@lastro/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const result = await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  plugins: [externalNonWorkspace],
  metafile: true,
  logLevel: 'warning',
});

// The output's imports are what the bundle loads at run time. Modules that tree shaking
// dropped (such as the chat filter the CLI never calls) need no dependency here.
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imported of output.imports) {
    if (!imported.external || imported.path.startsWith('node:')) continue;
    const name = packageName(imported.path);
    // Dependencies may import Node built-ins without the node: prefix.
    if (builtinModules.includes(name)) continue;
    if (!declared.has(name)) missing.add(name);
  }
}
if (missing.size > 0) {
  console.error(
    `build.mjs: the bundle imports ${[...missing].join(', ')}, which apps/cli/package.json does not list; ` +
      'add them with: flock /tmp/lastro-pnpm.lock pnpm --filter @lastro/cli add <name>',
  );
  process.exit(1);
}
await chmod(new URL('./dist/main.js', import.meta.url), 0o755);
