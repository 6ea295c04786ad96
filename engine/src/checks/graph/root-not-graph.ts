import { graphCheck } from './graph-check.js';

/** NIR's reader accepts only a `NIRGraph` at the root, although its writer writes any node. */
export const ROOT_NOT_GRAPH = graphCheck({
    id: 'nir/root-not-graph',
    severity: 'error',
    title: 'The root node is not a NIRGraph.',
    run(ctx) {
        const root = ctx.analysis.document.root;
        if (root.type === 'NIRGraph' || root.type === '') return;
        ctx.report({
            code: 'nir/root-not-graph',
            severity: 'error',
            message: `The root node is a ${root.type}, but NIR's reader accepts only a NIRGraph at the root. Put the node in a graph with an Input and an Output.`,
            origin: root.typeOrigin,
        });
    },
});
