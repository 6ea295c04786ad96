/**
 * What a NIR node type is to the machine. `neuron` and `source` nodes become populations on PEs;
 * `weight`, `pool`, `index` and `delay` nodes sit on the way between two populations and fold
 * into the projection (the synapses) that joins them; `graph`, `port` (the Input/Output of a
 * nested graph) and `sink` nodes only pass spikes along.
 */
export type NodeRole = 'neuron' | 'source' | 'sink' | 'graph' | 'weight' | 'pool' | 'index' | 'delay' | 'other';

const ROLES: Readonly<Record<string, NodeRole>> = {
    LIF: 'neuron', IF: 'neuron', LI: 'neuron', I: 'neuron', CubaLIF: 'neuron', CubaLI: 'neuron', Threshold: 'neuron',
    Input: 'source', Output: 'sink', NIRGraph: 'graph',
    Affine: 'weight', Linear: 'weight', Scale: 'weight', Conv1d: 'weight', Conv2d: 'weight',
    SumPool2d: 'pool', AvgPool2d: 'pool',
    Flatten: 'index',
    Delay: 'delay',
};

/** The role of a NIR type string; `other` for types the machine does not know. */
export function roleOf(type: string): NodeRole {
    return Object.hasOwn(ROLES, type) ? ROLES[type] : 'other';
}

/** True for the convolution types. */
export function isConv(type: string): boolean {
    return type === 'Conv1d' || type === 'Conv2d';
}
