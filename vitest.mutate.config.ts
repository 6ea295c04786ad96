import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests `npm run mutate` runs against each mutant: the unit tests of the mutated folders only
 * (not the language server, the browser or the packaging tests). `MUTATE_TESTS` (a comma-separated
 * list of globs) narrows them further for a run on one folder.
 */
const DEFAULT_TESTS = [
    'test/engine/mapping/**/*.test.ts',
    'test/engine/routing/**/*.test.ts',
    'test/engine/checks/**/*.test.ts',
    'test/engine/targets/**/*.test.ts',
    'test/cli/convert-command.test.ts',
    'test/cli/convert-messages.test.ts',
];

export default defineConfig({
    ...base,
    test: {
        ...base.test,
        include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : DEFAULT_TESTS,
    },
});
