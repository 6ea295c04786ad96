import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the end-to-end tests in a real VS Code (code-server), kept out of `npm test`
 * because their first run installs code-server (cached afterwards).
 */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        testTimeout: 180_000,
        hookTimeout: 1_200_000,
        pool: 'forks',
        fileParallelism: false,
        reporters: ['default'],
    },
});
