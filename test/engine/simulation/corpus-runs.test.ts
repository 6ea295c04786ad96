import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createEngine, type SourceInput } from '../../../engine/src/index.js';

/**
 * `nirmesh run` works on every example and on every corpus `.nir` file that maps: each runs 20
 * ticks with Poisson spikes on its Input nodes, on the board when it fits it (every packet routed,
 * none misrouted) and with the graph alone otherwise, whenever the graph itself has no errors.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const engine = createEngine();

function files(dir: string, suffix: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path, suffix) : name.endsWith(suffix) ? [path] : [];
    });
}

async function runOnce(input: SourceInput): Promise<{ mapped: boolean; graphErrors: boolean }> {
    const analysed = await engine.analyze(input, { target: 'spinnaker2-board48', categories: ['fast', 'slow'] });
    const errors = analysed.problems.filter((p) => p.severity === 'error');
    const targetRules = new Set(engine.registry.checks.all().filter((c) => c.needs !== 'graph').map((c) => c.id));
    const graphErrors = errors.some((p) => !targetRules.has(p.code) && !p.code.startsWith('routing/'));
    if (graphErrors) return { mapped: false, graphErrors };
    const mapped = analysed.mapping !== undefined && errors.length === 0;
    const inputs = (analysed.analysis?.nodes ?? []).filter((n) => n.node.type === 'Input' && n.depth === 1).map((n) => ({ node: n.node.name, rateHz: 100 }));
    const run = await engine.run(input, { target: mapped ? 'spinnaker2-board48' : 'none', steps: 20, poisson: inputs, seed: 1 });
    const problems = run.problems.filter((p) => p.severity === 'error' || p.code === 'simulation/misrouted');
    expect(problems.map((p) => `${p.code}: ${p.message}`)).toEqual([]);
    expect(run.result?.steps).toBe(20);
    if (mapped) expect(run.result?.targetId).toBe('spinnaker2-board48');
    return { mapped, graphErrors };
}

describe('runs every example and every corpus file', () => {
    for (const path of files(join(root, 'examples'), '.nir.yaml').filter((p) => !p.endsWith('mistakes.nir.yaml'))) {
        it(relative(root, path), async () => {
            const outcome = await runOnce({ kind: 'spec', text: readFileSync(path, 'utf8') });
            expect(outcome.mapped).toBe(true);
        });
    }

    it('every corpus .nir file that maps runs on the board, the rest with the graph alone', async () => {
        let mapped = 0;
        let alone = 0;
        for (const path of files(join(root, 'test', 'fixtures', 'nir'), '.nir')) {
            const outcome = await runOnce({ kind: 'nir', bytes: readFileSync(path) }).catch((error: Error) => {
                throw new Error(`${relative(root, path)}: ${error.message}`);
            });
            if (outcome.mapped) mapped++;
            else if (!outcome.graphErrors) alone++;
        }
        expect(mapped).toBeGreaterThan(20);
        expect(mapped + alone).toBeGreaterThan(40);
    }, 600_000);
});
