import type { NodeShapes, Problem, Shape } from '../../../engine/src/index.js';
import { NIR_NODE_KINDS } from '../../../engine/src/nir/kinds/index.js';
import { nirNode, type ParamInput } from '../../helpers/build-nir.js';

/** The result of running one kind's shape rule on a node built from `params`. */
export interface RuleRun extends NodeShapes {
    readonly problems: Problem[];
}

/** Runs the shape rule of kind `type` on a node with `params`, as graph analysis would. */
export function runRule(type: string, params: Readonly<Record<string, ParamInput>>, inputShape?: Shape): RuleRun {
    const kind = NIR_NODE_KINDS.find((k) => k.id === type);
    if (!kind) throw new Error(`no kind ${type}`);
    const node = nirNode(type, params)('n', '/node/nodes/n');
    const problems: Problem[] = [];
    const shapes = kind.shapes(node, { inputShape, report: (p) => problems.push(p) });
    return { ...shapes, problems };
}
