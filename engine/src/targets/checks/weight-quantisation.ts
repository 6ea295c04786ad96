import type { Tensor, TensorSource } from '../../nir/value.js';
import type { Problem } from '../../diagnostics/problem.js';
import { spinnakerCheck, fmt, pct } from './target-check.js';
import { settingValue } from '../setting.js';
import { asTensor } from '../../machine/tensor-values.js';
import { elementCount, type Generator } from '../../nir/value.js';
import { quantisationError, type QuantisationError } from '../../machine/quantisation.js';
import { synapsePlan, weightGrid } from '../../machine/synapse-plan.js';

/**
 * `spinnaker2/weight-quantisation`: the relative error of rounding a weight layer to the integer
 * grid of the population it feeds (`synapsePlan`: ±127 for `lif_no_delay`, ±15 for `lif`, one
 * scale shared by every projection into the population, as s2_nir.py get_max_abs_weight). A warning
 * above `weight_error_warning`, else a hint. Layers with the same weight recipe (up to its seed)
 * are measured once, and a layer's report is reused while its tensor data stays the same object
 * (see `reportCache`).
 */
export const weightQuantisation = spinnakerCheck(
    'spinnaker2/weight-quantisation',
    'warning',
    'The error of rounding weights to the synapse word',
    'target',
    ({ ctx, target, graph }) => {
        const threshold = settingValue(target, 'weight_error_warning');
        const plan = synapsePlan(graph, target, ctx.registry.neuronModels);
        const seen = new Set<unknown>();
        const byRecipe = new Map<string, QuantisationError | undefined>();
        for (const p of graph.projections) {
            const op = p.weightOp;
            if (!op || seen.has(op.node)) continue;
            seen.add(op.node);
            const node = op.node.node;
            const tensor = asTensor(node.params.get(node.type === 'Scale' ? 'scale' : 'weight'));
            if (!tensor) continue;
            const grid = weightGrid(plan, p, tensor);
            report(tensor, node.name, grid?.levels ?? plan.populations[p.post].levels, grid?.step);
        }

        function measure(tensor: Tensor, levels: number, step: number | undefined): QuantisationError | undefined {
            const recipe = tensor.source.kind === 'generated' ? `${recipeKey(tensor.source.generator, elementCount(tensor.shape))}/${step}` : undefined;
            if (recipe === undefined) return quantisationError(tensor, levels, step);
            if (!byRecipe.has(recipe)) byRecipe.set(recipe, quantisationError(tensor, levels, step));
            return byRecipe.get(recipe);
        }

        function report(tensor: Tensor, name: string, levels: number, step: number | undefined): void {
            const key = `${target.id}\0${levels}\0${step}\0${threshold}\0${name}\0${tensor.dtype}\0${tensor.shape.join(',')}`;
            let byKey = reportCache.get(tensor.source);
            if (!byKey) reportCache.set(tensor.source, (byKey = new Map()));
            if (!byKey.has(key)) byKey.set(key, describe(tensor, name, levels, step));
            const found = byKey.get(key);
            if (found) ctx.report({ code: found.code, severity: found.severity, message: found.message, origin: tensor.origin, data: found.data });
        }

        function describe(tensor: Tensor, name: string, levels: number, step: number | undefined): CachedReport | undefined {
            const e = measure(tensor, levels, step);
            if (!e) return undefined;
            const warn = e.meanRelative > threshold;
            const share = e.exact ? `${fmt(e.zeroed)} of ${fmt(e.nonZero)} non-zero weights (${pct(e.zeroed / e.nonZero)})` : `about ${pct(e.zeroed / e.nonZero)} of the weights`;
            const lost = e.zeroed > 0 ? `${share} round to 0 and are lost` : 'no weight rounds to 0';
            const basis = e.exact ? '' : ', estimated from the generator\'s distribution';
            const suggestion = warn
                ? ` Suggestion: spread the weights over the range (clip outliers: one step is ${fmt(e.step)}), or prune weights below ${fmt(e.step / 2)}.`
                : '';
            return {
                code: 'spinnaker2/weight-quantisation',
                severity: warn ? 'warning' : 'hint',
                message: `weights of '${name}' lose a mean ${pct(e.meanRelative)} to rounding on ${target.id}, and ${lost}${basis} (${fmt(levels)} levels of ${fmt(e.step)} up to |w| = ${fmt(e.maxAbs)}; the warning limit is a mean of ${pct(threshold)}).${suggestion}`,
                data: { maxRelativeError: e.maxRelative, meanRelativeError: e.meanRelative, zeroed: e.zeroed, step: e.step, levels },
            };
        }
    },
);

/** A layer's report without its origin (which moves with edits above it while the data stays). */
type CachedReport = Required<Pick<Problem, 'code' | 'severity' | 'message' | 'data'>>;

/**
 * Reports by tensor data, then by everything else the report depends on (target, levels, limit,
 * layer name, dtype and shape). The incremental spec reader keeps an unchanged node's tensor sources identical
 * between versions, so re-checking after an edit measures and formats only the edited layers;
 * an edited layer gets a new source and is measured again. Keyed weakly: dropped with the data.
 */
const reportCache = new WeakMap<TensorSource, Map<string, CachedReport | undefined>>();

/** A generator's recipe without its seed (the seed changes the draws, not the distribution), with the element count. */
function recipeKey(g: Generator, count: number): string {
    const strip = (x: Generator): unknown => ('seed' in x ? { ...x, seed: 0, ...(x.kind === 'fixed_probability' ? { weight: strip(x.weight) } : {}) } : x);
    return `${JSON.stringify(strip(g))}/${count}`;
}
