import type { Exporter, ExportedFile, ExportRequest, ExportResult, MappedExportRequest } from '../../plugins/exporter.js';
import { writeNpy } from '../../nir/npy.js';
import { exportNetwork } from './network.js';
import { projectionFile, runScript, spikesFile } from './script.js';
import { readme } from './readme.js';

/**
 * `py-spinnaker2`: a runnable `run.py` on py-spinnaker2's public API, its parameters and weights,
 * and a README. The network is written directly as populations and projections (not through
 * `s2_nir.from_nir`), so what NIRmesh checked and mapped is what runs.
 */
export const PY_SPINNAKER2_EXPORTER: Exporter = {
    id: 'py-spinnaker2',
    title: 'py-spinnaker2 script',
    description: 'run.py for SpiNNaker2 (a chip, the 48-node board, or the Brian2 backend) with weights as .npy, and a README',
    needsMapping: true,
    async export(given: ExportRequest): Promise<ExportResult> {
        if (!given.target || !given.mapping) {
            const origin = given.analysis.document.root.origin;
            return { files: [], problems: [{ code: 'export/cannot-write', severity: 'error', message: 'py-spinnaker2 writes a mapped network: it needs a target and its mapping.', origin }] };
        }
        const request: MappedExportRequest = { ...given, target: given.target, mapping: given.mapping };
        const { network, problems } = exportNetwork(request);
        if (!network) return { files: [], problems };
        const board = request.target.id === 'spinnaker2-chip' ? 'chip' : 'board48';
        const ctx = { sourceName: request.sourceName, targetId: request.target.id, board, steps: request.steps } as const;
        const files: ExportedFile[] = [
            { path: 'run.py', contents: runScript(network, ctx) },
            { path: 'README.md', contents: readme(network, ctx, request.mapping.estimatesUsed) },
            { path: 'params.json', contents: JSON.stringify(Object.fromEntries(network.populations.map((p) => [p.name, p.params]))) + '\n' },
            {
                path: 'populations.json',
                contents: JSON.stringify(Object.fromEntries(network.populations.map((p) => [p.name, { nir_path: p.nirPath, size: p.size, spikes: p.record.includes('spikes') }])), null, 1) + '\n',
            },
        ];
        network.projections.forEach((p, i) => {
            const array = p.kind === 'conv2d'
                ? { dtype: 'int8' as const, shape: p.kernelShape, data: p.kernel }
                : { dtype: 'int32' as const, shape: [p.count, 4], data: p.rows };
            files.push({ path: projectionFile(i), contents: writeNpy(array) });
        });
        network.populations.forEach((p, i) => {
            if (p.spikes) files.push({ path: spikesFile(i), contents: writeNpy({ dtype: 'int32', shape: [p.spikes.length / 2, 2], data: p.spikes }) });
        });
        return { files, problems };
    },
};
