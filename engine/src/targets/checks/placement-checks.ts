import { spinnakerCheck, fmt } from './target-check.js';
import { biggerTarget, describeChips, describePes, nodesByPath, originAt, overLimitByNode } from './mapping-lookup.js';

/** `spinnaker2/too-many-pes`: the network needs more PEs than the target has (docs/targets.md). */
export const tooManyPes = spinnakerCheck(
    'spinnaker2/too-many-pes',
    'error',
    'The network needs more PEs than the target has',
    'mapping',
    ({ ctx, target }) => {
        const mapping = ctx.mapping;
        const limits = mapping?.limits;
        if (!mapping || !limits || (mapping.pesNeeded ?? 0) <= limits.pes) return;
        const needed = mapping.pesNeeded ?? 0;
        const find = nodesByPath(ctx.analysis);
        const bigger = biggerTarget(target, limits, needed);
        for (const node of mapping.nodes) {
            const missing = (node.pesNeeded ?? node.pes.length) - node.pes.length;
            if (missing <= 0) continue;
            const suggestions: string[] = bigger ? [`map onto ${bigger}`] : [];
            const fitting = node.fittingNeuronsPerCore ?? 0;
            if (fitting > (node.neuronsPerCore ?? 0)) suggestions.push(`set neurons_per_core of '${node.name}' to ${fitting}`);
            if (suggestions.length === 0) suggestions.push('make the network smaller; no SpiNNaker machine is big enough');
            ctx.report({
                code: 'spinnaker2/too-many-pes',
                severity: 'error',
                message: `${fmt(missing)} of the ${fmt(node.pesNeeded ?? 0)} PEs '${node.name}' needs could not be placed: the network needs ${fmt(needed)} PEs and ${describePes(target, limits)}. Suggestion: ${suggestions.join(', or ')}.`,
                origin: originAt(ctx.analysis, find, node.path),
                data: bigger ? { fix: 'use-target', value: bigger } : undefined,
            });
        }
    },
);

/** `spinnaker2/router-entries`: a chip's minimised routing table is longer than its router (SpiNNMachine version_spin2.py / version_spin1.py n_router_entries). */
export const routerEntries = spinnakerCheck(
    'spinnaker2/router-entries',
    'error',
    'A chip\'s routing table does not fit its router after minimisation',
    'mapping',
    ({ ctx, target }) => {
        const mapping = ctx.mapping;
        const limit = mapping?.limits?.routerEntriesPerChip;
        if (!mapping || limit === undefined) return;
        const find = nodesByPath(ctx.analysis);
        const byNode = overLimitByNode(mapping.chips, (c) => c.routerEntries, limit, (c) => c.routerMainNode);
        for (const [path, { worst, count }] of byNode) {
            const node = mapping.nodes.find((n) => n.path === path);
            const name = node?.name ?? path;
            const wider = node && node.neuronsPerCore !== undefined && (node.fittingNeuronsPerCore ?? 0) > node.neuronsPerCore ? ` set neurons_per_core of '${name}' to ${node.fittingNeuronsPerCore} (fewer slices, fewer keys), or` : '';
            ctx.report({
                code: 'spinnaker2/router-entries',
                severity: 'error',
                message: `the routing table${count === 1 ? '' : 's'} of ${describeChips(worst, count)}, mostly routes of '${name}', need${count === 1 ? 's' : ''} ${fmt(worst.routerEntries)} entries after minimisation (${fmt(worst.routerEntriesUncompressed)} before); a ${target.id} router holds ${fmt(limit)}. Suggestion:${wider} give the population fewer, larger targets, or spread the network over a bigger machine.`,
                origin: originAt(ctx.analysis, find, path),
            });
        }
    },
);

/** `spinnaker2/unplaceable`: a fixed `chip`/`core` placement the target cannot honour. */
export const unplaceable = spinnakerCheck(
    'spinnaker2/unplaceable',
    'error',
    'A fixed chip or core placement that cannot be honoured',
    'mapping',
    ({ ctx, target }) => {
        const mapping = ctx.mapping;
        if (!mapping?.placementFailures) return;
        const find = nodesByPath(ctx.analysis);
        for (const failure of mapping.placementFailures) {
            const node = find(failure.path);
            const group = node?.node.metadata.entries.get('spinnaker2');
            const hint = group?.kind === 'dict' ? (group.entries.get('core') ?? group.entries.get('chip')) : undefined;
            ctx.report({
                code: 'spinnaker2/unplaceable',
                severity: 'error',
                message: `'${node?.node.name ?? failure.path}' cannot be placed where its hint says on ${target.id}: ${failure.reason}; it was placed elsewhere for this report. Suggestion: name a chip the target has and free PEs (PEs 0..${(mapping.limits?.pesPerChip ?? 1) - 1}), or remove the chip/core hint.`,
                origin: hint?.origin ?? originAt(ctx.analysis, find, failure.path),
            });
        }
    },
);

/** `spinnaker2/key-space`: the routing keys of all slices do not fit in the key width (PACMAN constants.py BITS_IN_KEY). */
export const keySpace = spinnakerCheck(
    'spinnaker2/key-space',
    'error',
    'The routing keys do not fit in the key width',
    'mapping',
    ({ ctx, target }) => {
        const bits = ctx.mapping?.keyBits;
        if (!bits || bits.used <= bits.available) return;
        ctx.report({
            code: 'spinnaker2/key-space',
            severity: 'error',
            message: `the network's routing keys need more than ${bits.available} bits (one aligned block per population, sized by its slices and neurons per slice); ${target.id} keys have ${bits.available}. Suggestion: use fewer, larger populations or larger neurons_per_core values.`,
            origin: ctx.analysis.document.root.origin,
        });
    },
);
