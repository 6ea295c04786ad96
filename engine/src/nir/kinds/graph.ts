import type { NirNode } from '../graph.js';
import type { NodeShapes } from '../../plugins/node-kind.js';
import type { NirNodeKind } from './nir-node-kind.js';
import { shapeValue } from './param-values.js';

/** The port nodes of a graph: its `Input` and `Output` children, in the order written. */
export interface GraphPortNodes {
    readonly inputs: readonly NirNode[];
    readonly outputs: readonly NirNode[];
}

/** Finds a graph's Input and Output children; their names are the graph's port names. */
export function graphPortNodes(graph: NirNode): GraphPortNodes {
    const inputs: NirNode[] = [];
    const outputs: NirNode[] = [];
    for (const child of graph.nodes?.values() ?? []) {
        if (child.type === 'Input') inputs.push(child);
        else if (child.type === 'Output') outputs.push(child);
    }
    return { inputs, outputs };
}

/** The shape of a single port node, or undefined when there is not exactly one. */
function singlePortShape(ports: readonly NirNode[]): number[] | undefined {
    return ports.length === 1 ? shapeValue(ports[0].params.get('shape')) : undefined;
}

/**
 * A graph of nodes and edges, which may itself be a node of another graph. Its shapes as a node
 * come from its ports; graph analysis refines them with the shapes inferred inside.
 */
export const NIR_GRAPH: NirNodeKind = {
    id: 'NIRGraph',
    category: 'graph',
    summary: 'A graph: named nodes and the edges between them. Used as a node, it is a subnetwork whose ports are its Input and Output nodes.',
    params: [],
    stateful: false,
    spiking: false,
    shapeRule: 'As a node, the input shape is that of its one Input node and the output shape that of its one Output node. A graph with several Inputs or Outputs has one port per node name and no single shape.',
    shapes(node): NodeShapes {
        const ports = graphPortNodes(node);
        return { input: singlePortShape(ports.inputs), output: singlePortShape(ports.outputs) };
    },
};
