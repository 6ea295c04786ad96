import type { Projection } from '../../machine/machine-graph.js';
import { spinnakerCheck, fmt } from './target-check.js';
import { maxFanInPerNeuron, peCostModel } from '../../machine/pe-cost-model.js';

/**
 * `spinnaker2/fan-in`: a neuron receives more synapses than one PE can hold even with that neuron
 * alone on it (every synapse then a row of its own in the SRAM data window, per the NESTML SpiNNaker2 template's layout).
 */
export const fanIn = spinnakerCheck(
    'spinnaker2/fan-in',
    'error',
    'A neuron receives more synapses than one PE can hold',
    'target',
    ({ ctx, target, graph }) => {
        const model = peCostModel(target);
        for (const pop of graph.populations) {
            if (pop.incoming.length === 0) continue;
            const incoming = pop.incoming.map((i) => graph.projections[i]);
            const fans = incoming.map((p) => ({ p, f: p.connectivity.fanIn() }));
            const total = fans.reduce((sum, { f }) => sum + f.max, 0);
            const bytesPerNeuron = ctx.registry.neuronModels.get(pop.type)?.bytesPerNeuron ?? 0;
            const limit = maxFanInPerNeuron(model, bytesPerNeuron);
            if (total <= limit) continue;
            const largest = fans.reduce((a, b) => (b.f.max > a.f.max ? b : a));
            const exact = incoming.every((p) => p.connectivity.exact);
            const which = fans.length === 1 ? `neuron ${largest.f.argMax} of '${pop.name}' receives` : `neurons of '${pop.name}' receive up to`;
            const perSynapse = model.format.rowHeaderBytes + Math.ceil(model.format.synapseBytes / 4) * 4;
            ctx.report({
                code: 'spinnaker2/fan-in',
                severity: 'error',
                message: `${which} ${fmt(Math.ceil(total))} synapses${exact ? '' : ' (expected)'}; on ${target.id} one neuron can receive at most ${fmt(limit)}: alone on a PE, each synapse is a row of ${perSynapse} bytes in the ${fmt(model.windowBytes)}-byte SRAM data window. Suggestion: bring the fan-in under ${fmt(limit)} (sparser weights, a smaller input layer, or split the input over several layers).`,
                origin: weightOrigin(largest.p),
            });
        }
    },
);

function weightOrigin(p: Projection) {
    const node = p.weightOp?.node.node;
    return node?.params.get(node.type === 'Scale' ? 'scale' : 'weight')?.origin ?? p.origin;
}
