import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; each package keeps its tests in `test/`.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/cli', 'apps/desktop'],
  },
});
