import type { Problem } from '../../diagnostics/problem.js';
import type { AnalysedNode } from '../../graph/analysis.js';
import { spinnakerCheck } from './target-check.js';
import { eachOnce } from './chain-rules.js';
import { roleOf } from '../../machine/node-roles.js';

const CODE = 'spinnaker2/from-nir';
const WRITES = '`nirmesh export --to py-spinnaker2` writes it as a connection list';

/**
 * `spinnaker2/from-nir`: a construct py-spinnaker2's NIR importer (`spinnaker2/s2_nir.py`
 * from_nir) refuses or silently drops, but that NIRmesh's own exporter writes directly as
 * populations and projections, so the network still runs. A hint, with a quick fix
 * (`data.fix`) where a rewrite makes the graph acceptable to from_nir too:
 *
 * - a nested NIRGraph (create_populations raises NotImplementedError): `flatten-graph` (in a
 *   spec; a `.nir` file is converted to YAML first);
 * - Conv1d (not among from_nir's WEIGHT_NODES);
 * - Linear after Flatten (create_projections follows Flatten only into Affine): `linear-to-affine`;
 * - a population → Flatten → Affine without pooling (create_projections discards the edge into Flatten);
 * - pooling not followed by Conv2d, Flatten → Affine or a neuron layer (NotImplementedError).
 */
export const fromNirRules = spinnakerCheck(
    CODE,
    'hint',
    'A construct py-spinnaker2\'s from_nir refuses or drops, which nirmesh export writes directly',
    'target',
    ({ ctx, graph }) => {
        const hint = (node: AnalysedNode, message: string, fix?: Problem['data']): void =>
            ctx.report({ code: CODE, severity: 'hint', message, origin: node.node.typeOrigin, ...(fix ? { data: fix } : {}) });
        for (const node of ctx.analysis.nodes) {
            if (node.node.type === 'NIRGraph' && node.depth > 0) {
                // A quick fix edits text: a `.nir` file (no spans) is converted to YAML first.
                const inText = node.node.origin.span !== undefined;
                const how = inText ? 'flatten the graph into its parent' : 'convert the file to YAML (`nirmesh convert FILE.nir FILE.nir.yaml`) and flatten the graph there with the quick fix';
                hint(node, `py-spinnaker2's from_nir refuses the nested graph '${node.node.name}' (NotImplementedError); ${WRITES} without nesting. Suggestion: ${how}.`, inText ? { fix: 'flatten-graph', node: node.path } : undefined);
            }
            if (node.node.type === 'Conv1d') {
                hint(node, `py-spinnaker2's from_nir has no Conv1d ('${node.node.name}' is not one of its weight nodes); ${WRITES}.`);
            }
        }
        const afterFlatten: AnalysedNode[] = [];
        const dropped: { flatten: AnalysedNode; pre: string; post: string }[] = [];
        const pools: { pool: AnalysedNode; next: string }[] = [];
        for (const p of graph.projections) {
            const types = p.ops.map((op) => op.node.node.type);
            types.forEach((type, i) => {
                if (type === 'Flatten' && types[i + 1] === 'Linear') afterFlatten.push(p.ops[i + 1].node);
                if (roleOf(type) === 'pool') {
                    const ok = i === types.length - 1 || types[i + 1] === 'Conv2d' || (types[i + 1] === 'Flatten' && types[i + 2] === 'Affine');
                    if (!ok) pools.push({ pool: p.ops[i].node, next: p.ops[i + 1].node.node.name });
                }
            });
            if (types[0] === 'Flatten') {
                dropped.push({ flatten: p.ops[0].node, pre: graph.populations[p.pre].name, post: graph.populations[p.post].name });
            }
        }
        eachOnce(afterFlatten, (n) => n, (linear) => hint(linear, `py-spinnaker2's from_nir follows Flatten only into an Affine, not the Linear '${linear.node.name}'; ${WRITES}. Suggestion: make it an Affine with a zero bias.`, { fix: 'linear-to-affine', node: linear.path }));
        eachOnce(dropped, (d) => d.flatten, ({ flatten, pre, post }) => hint(flatten, `py-spinnaker2's from_nir discards the edge from '${pre}' into Flatten '${flatten.node.name}', so '${post}' would get no input from them; ${WRITES}.`));
        eachOnce(pools, (d) => d.pool, ({ pool, next }) => hint(pool, `py-spinnaker2's from_nir accepts pooling only before Conv2d, Flatten → Affine or a neuron layer, not before '${next}' (NotImplementedError); ${WRITES}.`));
    },
);
