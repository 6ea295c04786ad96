import { graphCheck, graphsOf } from './graph-check.js';
import { keyOrigin } from '../../nir/kinds/origins.js';

/** Why NIR (an HDF5 link name) cannot store `name`, or undefined when it can. */
export function unstorableName(name: string): string | undefined {
    if (name === '') return 'it is empty';
    if (name === '.' || name === '..') return `'${name}' means a folder in HDF5 paths`;
    if (name.includes('/')) return "it contains '/', which separates HDF5 path parts";
    if (name.includes('\0')) return 'it contains a NUL character';
    return undefined;
}

/** A node name that cannot be an HDF5 link name, so the graph cannot be written as `.nir`. */
export const BAD_NAME = graphCheck({
    id: 'nir/bad-name',
    severity: 'error',
    title: 'A node name cannot be stored in a .nir file.',
    run(ctx) {
        for (const graph of graphsOf(ctx.analysis)) {
            for (const [name, child] of graph.node.nodes ?? []) {
                const why = unstorableName(name);
                if (!why) continue;
                ctx.report({
                    code: 'nir/bad-name',
                    severity: 'error',
                    message: `The node name ${JSON.stringify(name)} cannot be stored in a .nir file: ${why}. Rename the node (and its edges).`,
                    origin: keyOrigin(child.origin),
                });
            }
        }
    },
});
