import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
    createEngine, machineGraphOf, materializeTensor, readElementAsNumber, type AnalyzeResult, type SourceInput,
} from '../../engine/src/index.js';
import { DOUBLE_AVAILABLE, exportTo, runWithDouble, tempDir, type DoubleReport } from '../helpers/py-spinnaker2-double.js';
import { H5PY_SKIP_REASON } from '../helpers/h5py.js';

// Every example and every corpus file that maps exports, runs against the py-spinnaker2 test
// double, builds the mapping's populations and synapse counts, and its weights, dequantised,
// equal the NIR weights within the step the weight-quantisation check reports.

const root = join(import.meta.dirname, '..', '..');
const engine = createEngine();

function filesUnder(dir: string, suffix: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
    });
}

const FILES = [...filesUnder(join(root, 'examples'), '.nir.yaml'), ...filesUnder(join(root, 'test', 'fixtures', 'nir'), '.nir')].sort();

function inputOf(path: string): SourceInput {
    return path.endsWith('.nir') ? { kind: 'nir', bytes: new Uint8Array(readFileSync(path)) } : { kind: 'spec', text: readFileSync(path, 'utf-8') };
}

/** For each single-weight-node projection exported as a connection list: every row's weight × step against the NIR matrix. */
function expectWeightsWithinStep(result: AnalyzeResult, report: DoubleReport, nameOf: (path: string) => string | undefined): number {
    const graph = machineGraphOf(result.analysis!);
    let checked = 0;
    for (const p of graph.projections) {
        const [op] = p.ops;
        if (p.ops.length !== 1 || !['Affine', 'Linear'].includes(op.node.node.type)) continue;
        const value = op.node.node.params.get('weight');
        const tensor = value?.kind === 'tensor' ? value : undefined;
        const step = (result.problems.find((q) => q.code === 'spinnaker2/weight-quantisation' && q.origin.path === tensor?.origin.path)?.data as { step: number; levels: number } | undefined);
        const [pre, post] = [nameOf(graph.populations[p.pre].path), nameOf(graph.populations[p.post].path)];
        const exported = report.projections.find((q) => q.pre === pre && q.post === post && q.kind === 'connections');
        if (!tensor || !step || !exported || exported.kind !== 'connections' || !exported.rows || tensor.shape.length !== 2) continue;
        const data = materializeTensor(tensor).data!;
        const inputs = tensor.shape[1];
        const top = step.step * step.levels;
        for (const [i, j, q] of exported.rows) {
            const w = Math.max(-top, Math.min(top, readElementAsNumber(tensor.dtype, data, j * inputs + i)));
            expect(Math.abs(q * step.step - w), `${pre}→${post} [${j}, ${i}]`).toBeLessThanOrEqual(step.step / 2 + 1e-9 * top);
            checked++;
        }
    }
    return checked;
}

describe.skipIf(!DOUBLE_AVAILABLE)(`every example and corpus file that maps exports${DOUBLE_AVAILABLE ? '' : ` (${H5PY_SKIP_REASON})`}`, () => {
    it.each(FILES.map((f) => [relative(root, f), f]))('%s', async (_name, path) => {
        const result = await engine.analyze(inputOf(path), { categories: ['fast', 'slow'] });
        const fits = result.mapping !== undefined && !result.problems.some((p) => p.severity === 'error');
        const dir = tempDir();
        const { code, stderr } = await exportTo(path, dir, '--force');
        expect(code, stderr).toBe(fits ? 0 : 1);
        if (!fits) return;
        const report = runWithDouble(dir);
        // populations.json says where in the NIR graph each exported population is.
        const places = JSON.parse(readFileSync(join(dir, 'populations.json'), 'utf-8')) as Record<string, { nir_path: string[] }>;
        const nameOf = (path: string) => Object.entries(places).find(([, v]) => `/node/nodes/${v.nir_path.join('/nodes/')}` === path)?.[0];
        for (const node of result.mapping?.nodes ?? []) {
            const pop = report.populations.find((p) => p.name === nameOf(node.path));
            expect([pop?.model, pop?.size, pop?.max_atoms_per_core]).toEqual([node.model, node.neurons, node.neuronsPerCore]);
            if (node.synapsesExact) expect(report.projections.filter((p) => p.post === pop?.name).reduce((n, p) => n + p.synapses, 0)).toBe(node.synapsesIn);
        }
        expectWeightsWithinStep(result, report, nameOf);
    }, 300_000); // sparse-procedural lists 1.3 M synapses in Python on a shared machine
});
