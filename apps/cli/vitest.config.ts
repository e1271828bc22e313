import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // The tests spawn the bundled CLI, so it is built once before they run.
    globalSetup: ['test/global-setup.ts'],
  },
});
