import type { Tensor } from '../../nir/value.js';
import { spinnakerCheck, fmt, pct } from './target-check.js';
import { settingValue } from '../setting.js';
import { asTensor } from '../../machine/tensor-values.js';
import { isConv } from '../../machine/node-roles.js';
import { quantisationError } from '../../machine/quantisation.js';

/**
 * `spinnaker2/weight-quantisation`: the relative error of rounding a weight layer to the synapse
 * word's weight field (4-bit magnitude with the sign in the type bit on SpiNNaker2, facts #44) or
 * to int8 for convolution kernels (facts #45). A warning above `weight_error_warning`, else a hint.
 */
export const weightQuantisation = spinnakerCheck(
    'spinnaker2/weight-quantisation',
    'warning',
    'The error of rounding weights to the synapse word',
    'target',
    ({ ctx, target, graph }) => {
        const threshold = settingValue(target, 'weight_error_warning');
        const seen = new Set<unknown>();
        for (const p of graph.projections) {
            const op = p.weightOp;
            if (!op || seen.has(op.node)) continue;
            seen.add(op.node);
            const node = op.node.node;
            const tensor = asTensor(node.params.get(node.type === 'Scale' ? 'scale' : 'weight'));
            if (!tensor) continue;
            const conv = isConv(node.type);
            const bits = settingValue(target, conv ? 'conv_weight_bits' : 'synapse_weight_bits');
            const signInType = !conv && settingValue(target, 'synapse_type_bits') > 0;
            const levels = signInType ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
            report(tensor, node.name, levels, conv ? `${bits}-bit kernel weights` : `${bits}-bit ${signInType ? 'magnitudes (sign in the synapse type)' : 'weights'}`);
        }

        function report(tensor: Tensor, name: string, levels: number, format: string): void {
            const e = quantisationError(tensor, levels);
            if (!e) return;
            const warn = e.meanRelative > threshold;
            const share = e.exact ? `${fmt(e.zeroed)} of ${fmt(e.nonZero)} non-zero weights` : `about ${pct(e.zeroed / e.nonZero)} of the weights`;
            const zeroed = e.zeroed > 0 ? `; ${share} round to 0` : '';
            const basis = e.exact ? '' : ' (estimated from the generator\'s distribution)';
            const suggestion = warn
                ? `spread the weights over the range (clip outliers: one step is ${fmt(e.step)}), or prune weights below ${fmt(e.step / 2)}`
                : 'none needed';
            ctx.report({
                code: 'spinnaker2/weight-quantisation',
                severity: warn ? 'warning' : 'hint',
                message: `weights of '${name}' become ${format} on ${target.id}, ${levels} steps of ${fmt(e.step)} up to |w| = ${fmt(e.maxAbs)}: max relative error ${pct(e.maxRelative)}, mean ${pct(e.meanRelative)}${zeroed}${basis}; the warning limit is a mean of ${pct(threshold)}. Suggestion: ${suggestion}.`,
                origin: tensor.origin,
                data: { maxRelativeError: e.maxRelative, meanRelativeError: e.meanRelative, zeroed: e.zeroed },
            });
        }
    },
);
