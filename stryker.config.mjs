// Mutation testing (npm run mutate): StrykerJS with its vitest runner, on the mapping, the routing,
// the slice sizing, convert and the checks. The machine is small and shared, so the tests are the
// unit tests of those folders (vitest.mutate.config.ts), each mutant runs only the tests that reach
// its code (per-test coverage), with one worker. Narrow a run to one file and its tests:
// MUTATE_TESTS='test/engine/mapping/**/*.test.ts' npm run mutate -- --mutate engine/src/mapping/slice-sizing.ts
// Scores, timings and the surviving mutants with their reasons: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutate.config.ts', related: false },
    dryRunTimeoutMinutes: 30,
    coverageAnalysis: 'perTest',
    mutate: [
        'engine/src/mapping/**/*.ts',
        'engine/src/routing/**/*.ts',
        'engine/src/checks/**/*.ts',
        'engine/src/targets/checks/**/*.ts',
        'cli/src/commands/convert.ts',
    ],
    ignorePatterns: ['dist', 'bench/results', 'reports', '.stryker-tmp'],
    concurrency: 1,
    // Beyond 1.5 × a mutant's covering tests' own time: a mutant that loops forever costs this much.
    timeoutMS: 5_000,
    ignoreStatic: true,
    reporters: ['clear-text', 'progress', 'json'],
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
};
