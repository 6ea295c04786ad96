import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository stands alone: no tracked file cites the design notes or reference sheets that
 * live outside it (DESIGN.md, "facts §N"/"facts #N", the shared reference folder); code and docs
 * cite docs/ pages and original sources instead.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const OUTSIDE = /DESIGN\.md|DESIGN §|facts [§#]\d|shared\/reference|spinnaker2-facts|perf-anchors|nir-spec §/;

describe('the repository', () => {
    it('cites nothing outside itself', () => {
        const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((path) => /\.(ts|mjs|js|json|md|yaml|yml|lua)$/.test(path) || path === '.ci/run');
        const self = join('test', 'docs', 'stands-alone.test.ts');
        const found = tracked.filter((path) => path !== self).flatMap((path) => {
            const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
            return lines.flatMap((line, i) => (OUTSIDE.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
        });
        expect(found).toEqual([]);
    });
});
