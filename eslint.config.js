// Lint rules that keep the layers apart (docs/architecture.md): the engine is a pure library, the
// server is the only code that speaks LSP, the client and the webviews import only protocol/ of the
// project, and protocol/ imports nothing of it.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
    { ignores: ['bin/**', 'dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        files: ['engine/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict([
                { group: ['vscode', 'vscode-*'], message: 'engine/ is a pure library: no vscode or LSP imports.' },
                { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process', 'child_process', 'node:net', 'net'], message: 'engine/ does no I/O: take bytes or a resolver from the caller.' },
                { group: ['**/server/**', '**/client/**', '**/cli/**', '**/host/**'], message: 'engine/ must not depend on outer layers.' },
            ]),
        },
    },
    {
        files: ['server/**/*.ts', 'cli/**/*.ts', 'host/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict([
                { group: ['vscode'], message: 'only the client may import vscode.' },
                { group: ['**/engine/src/*/**'], message: 'import the engine through engine/src/index.ts.' },
            ]),
        },
    },
    {
        files: ['protocol/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict([
                { group: ['vscode', '../**'], message: 'protocol/ imports nothing of the project and nothing of vscode: it is what the others share.' },
            ]),
        },
    },
    {
        files: ['client/src/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict([
                { group: ['../../*', '!../../protocol', '../../*/**', '!../../protocol/**'], message: 'the client imports only protocol/ of the project: it never runs engine or server code.' },
            ]),
        },
    },
    {
        files: ['client/webviews/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict([
                { group: ['vscode', 'vscode-*', '../../../*', '!../../../protocol', '../../../*/**', '!../../../protocol/**', '../../src/**'], message: 'webviews render plain data: of the project they import only protocol/.' },
            ]),
        },
    },
);
