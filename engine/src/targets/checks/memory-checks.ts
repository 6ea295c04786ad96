import type { NodePlacement } from '../../plugins/mapper.js';
import type { NirDict } from '../../nir/value.js';
import { spinnakerCheck, fmt } from './target-check.js';
import { describeChips, nodesByPath, originAt, overLimitByNode } from './mapping-lookup.js';

const REGIONS: readonly (readonly [keyof NonNullable<NodePlacement['sramBreakdown']>, string])[] = [
    ['synapses', 'synapse rows'], ['recording', 'recording'], ['populationTable', 'population table'], ['neurons', 'neuron state'],
    ['inputBuffers', 'input buffers'], ['routingInfo', 'routing info'], ['fixed', 'fixed regions'],
];

/** The regions of a breakdown, largest first, as "synapse rows 60,000 B, recording 12,000 B". */
function regions(node: NodePlacement): string {
    const b = node.sramBreakdown;
    if (!b) return '';
    return REGIONS.map(([k, name]) => [name, b[k]] as const)
        .filter(([, v]) => v > 0)
        .sort((a, c) => c[1] - a[1])
        .map(([name, v]) => `${name} ${fmt(Math.ceil(v))} B`)
        .join(', ');
}

/** `spinnaker2/sram-per-pe`: a population's slice needs more SRAM than a PE's data window (the NESTML SpiNNaker2 template's memory layout). */
export const sramPerPe = spinnakerCheck(
    'spinnaker2/sram-per-pe',
    'error',
    'A PE needs more SRAM than its data window holds',
    'mapping',
    ({ ctx, target }) => {
        const mapping = ctx.mapping;
        const window = mapping?.limits?.sramBytesPerPe;
        if (!mapping || window === undefined) return;
        const find = nodesByPath(ctx.analysis);
        for (const node of mapping.nodes) {
            const need = node.maxSramBytes ?? 0;
            if (need <= window) continue;
            const analysed = find(node.path);
            const hint = node.neuronsPerCoreSource === 'hint' ? analysed && readHintOrigin(analysed.node.metadata) : undefined;
            const fitting = node.fittingNeuronsPerCore ?? 0;
            const suggestions: string[] = [];
            if (fitting > 0) suggestions.push(`set neurons_per_core to ${fitting} (${fmt(Math.ceil(node.neurons / fitting))} PEs)`);
            if (node.fittingSteps !== undefined && node.fittingSteps > 0 && node.fittingSteps < (mapping.steps ?? Infinity)) suggestions.push(`record at most ${fmt(node.fittingSteps)} steps`);
            if (suggestions.length === 0) suggestions.push('reduce the synapses arriving at this layer (sparser or smaller input layers)');
            ctx.report({
                code: 'spinnaker2/sram-per-pe',
                severity: 'error',
                message: `a PE of '${node.name}' (${fmt(node.neuronsPerCore ?? 0)} neurons) needs ${fmt(need)} bytes of SRAM (${regions(node)}) for ${fmt(mapping.steps ?? 0)} recorded steps; a PE of ${target.id} has a ${fmt(window)}-byte data window. Suggestion: ${suggestions.join(', or ')}.`,
                origin: hint ?? originAt(ctx.analysis, find, node.path),
                data: fitting > 0 ? { fix: 'set-neurons-per-core', value: fitting } : undefined,
            });
        }
    },
);

function readHintOrigin(metadata: NirDict) {
    const group = metadata.entries.get('spinnaker2');
    return group?.kind === 'dict' ? group.entries.get('neurons_per_core')?.origin : undefined;
}

/** `spinnaker2/dram-per-chip`: the slices on a chip keep more in DRAM than the chip has (SpiNNMachine version_spin2.py / version_spin1.py max_sdram_per_chip). */
export const dramPerChip = spinnakerCheck(
    'spinnaker2/dram-per-chip',
    'error',
    'A chip needs more DRAM than it has',
    'mapping',
    ({ ctx, target }) => {
        const mapping = ctx.mapping;
        const limit = mapping?.limits?.dramBytesPerChip;
        if (!mapping || limit === undefined) return;
        const find = nodesByPath(ctx.analysis);
        const byNode = overLimitByNode(mapping.chips, (c) => c.dramBytes, limit, (c) => c.dramMainNode);
        for (const [path, { worst, count }] of byNode) {
            const name = find(path)?.node.name ?? path;
            ctx.report({
                code: 'spinnaker2/dram-per-chip',
                severity: 'error',
                message: `${describeChips(worst, count)} holding '${name}' need${count === 1 ? 's' : ''} ${fmt(worst.dramBytes)} bytes of DRAM for synapses and recordings; a chip of ${target.id} has ${fmt(limit)}. Suggestion: record fewer steps or fewer populations, or spread '${name}' over more chips with a smaller neurons_per_core.`,
                origin: originAt(ctx.analysis, find, path),
            });
        }
    },
);
