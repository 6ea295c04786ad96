import { spinnakerCheck, fmt } from './target-check.js';
import { settingValue } from '../setting.js';
import { readHints } from '../../machine/hints.js';

/** `spinnaker2/bad-hint`: a malformed or unknown entry under `metadata.spinnaker2`. */
export const badHint = spinnakerCheck(
    'spinnaker2/bad-hint',
    'error',
    'A malformed or unknown SpiNNaker hint in metadata',
    'target',
    ({ ctx }) => {
        for (const node of ctx.analysis.nodes) for (const problem of readHints(node.node).problems) ctx.report(problem);
    },
);

/** `spinnaker2/neurons-per-core`: a `neurons_per_core` hint above what one PE runs (the 8-bit target field of the NESTML SpiNNaker2 template's synapse word; sPyNNaker DEFAULT_MAX_ATOMS_PER_CORE). */
export const neuronsPerCoreLimit = spinnakerCheck(
    'spinnaker2/neurons-per-core',
    'error',
    'A neurons_per_core hint above the model\'s or the PE\'s limit',
    'target',
    ({ ctx, target, graph }) => {
        const peLimit = settingValue(target, 'max_neurons_per_pe');
        for (const pop of graph.populations) {
            const hint = pop.hints.neuronsPerCore;
            if (!hint) continue;
            const model = ctx.registry.neuronModels.get(pop.type);
            const limit = Math.min(peLimit, model?.maxNeuronsPerCore ?? peLimit);
            if (hint.value <= limit) continue;
            const why = limit === peLimit ? `the ${fmt(peLimit)} neurons a PE addresses (8-bit synapse target field)` : `the ${pop.type} model's ${fmt(limit)}`;
            ctx.report({
                code: 'spinnaker2/neurons-per-core',
                severity: 'error',
                message: `'${pop.name}' asks for ${fmt(hint.value)} neurons per core; ${target.id} allows at most ${fmt(limit)} (${why}). Suggestion: set neurons_per_core to ${fmt(limit)} or less.`,
                origin: hint.origin,
                data: { fix: 'set-neurons-per-core', value: limit },
            });
        }
    },
);
