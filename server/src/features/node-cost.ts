import {
    elementCount,
    type AnalysedNode,
    type MappingResult,
    type NodePlacement,
    type NirNode,
    type NodeKind,
    type Tensor,
} from '../../../engine/src/index.js';

/** What one node costs: machine resources once mapped, neurons and synapses from shapes before. */
export interface NodeCost {
    readonly neurons?: number;
    readonly synapses?: number;
    /** From the mapping: processing elements, the chips they are on, SRAM and routing entries. */
    readonly placement?: {
        readonly pes: number;
        readonly chips: number;
        readonly sramBytes: number;
        readonly routerEntries: number;
    };
}

const placementCache = new WeakMap<MappingResult, Map<string, NodePlacement>>();

/** A mapping's placements by NIR tree path, built once per mapping. */
export function placementsByPath(mapping: MappingResult): ReadonlyMap<string, NodePlacement> {
    let byPath = placementCache.get(mapping);
    if (!byPath) placementCache.set(mapping, (byPath = new Map(mapping.nodes.map((p) => [p.path, p]))));
    return byPath;
}

/**
 * The cost of a node from its kind, its analysis (when shapes are known) and, when the document is
 * mapped, its placement. Without shapes a neuron population's size is its largest parameter.
 */
export function nodeCost(node: NirNode, kind: NodeKind | undefined, analysed: AnalysedNode | undefined, placement: NodePlacement | undefined): NodeCost {
    const category = kind?.category;
    const neurons = placement?.neurons || (category === 'neuron' ? populationSize(node, analysed) : undefined);
    const synapses = category === 'linear' || category === 'conv' ? synapseCount(node, category, analysed) : undefined;
    const pes = placement?.pes ?? [];
    return {
        neurons,
        synapses,
        placement: pes.length === 0 ? undefined : {
            pes: pes.length,
            chips: new Set(pes.map((s) => `${s.chip[0]},${s.chip[1]}`)).size,
            sramBytes: pes.reduce((sum, s) => sum + s.sramBytes, 0),
            routerEntries: placement?.routerEntries ?? 0,
        },
    };
}

function populationSize(node: NirNode, analysed: AnalysedNode | undefined): number | undefined {
    if (analysed?.outputShape) return elementCount(analysed.outputShape);
    let largest: number | undefined;
    for (const value of node.params.values()) {
        if (value.kind === 'tensor') largest = Math.max(largest ?? 0, elementCount(value.shape));
    }
    return largest;
}

/** Connections a weight node makes: weight entries (times `p` when sparse), per output position for convolutions. */
function synapseCount(node: NirNode, category: 'linear' | 'conv', analysed: AnalysedNode | undefined): number | undefined {
    const weight = tensorParam(node, 'weight');
    if (!weight) return undefined;
    const density = weight.source.kind === 'generated' && weight.source.generator.kind === 'fixed_probability' ? weight.source.generator.p : 1;
    const entries = elementCount(weight.shape) * density;
    if (category !== 'conv') return Math.round(entries);
    const outputs = weight.shape[0] || 1;
    const positions = analysed?.outputShape ? elementCount(analysed.outputShape) / outputs : 1;
    return Math.round(entries * positions);
}

function tensorParam(node: NirNode, name: string): Tensor | undefined {
    const value = node.params.get(name);
    return value?.kind === 'tensor' ? value : undefined;
}

/** One line for a code lens: `2 PEs · 24.0 KiB SRAM · 3 router entries`, or `128 neurons`. */
export function formatCost(cost: NodeCost): string | undefined {
    const parts: string[] = [];
    if (cost.placement) {
        const p = cost.placement;
        parts.push(plural(p.pes, 'PE'), `${formatBytes(p.sramBytes)} SRAM`, plural(p.routerEntries, 'router entry', 'router entries'));
    } else {
        if (cost.neurons !== undefined) parts.push(plural(cost.neurons, 'neuron'));
        if (cost.synapses !== undefined) parts.push(plural(cost.synapses, 'synapse'));
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** `1 PE`, `2 PEs`, with thousands separators. */
export function plural(n: number, one: string, many = `${one}s`): string {
    return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Bytes in B, KiB or MiB with one decimal. */
export function formatBytes(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
