import type { DType, Generator, Tensor, TensorData } from '../../nir/value.js';
import { graphCheck } from './graph-check.js';

/** The first non-finite element of float data and how many there are, or undefined when all are finite. */
interface NonFinite {
    readonly count: number;
    readonly first: number;
    readonly value: number;
}

/** Scans are cached by data array: a large weight is scanned once, not on every edit. */
const scanned = new WeakMap<TensorData, NonFinite | null>();

function scan(dtype: DType, data: TensorData): NonFinite | undefined {
    const cached = scanned.get(data);
    if (cached !== undefined) return cached ?? undefined;
    let count = 0;
    let first = -1;
    let value = 0;
    if (data instanceof Float32Array || data instanceof Float64Array) {
        for (let i = 0; i < data.length; i++) {
            if (Number.isFinite(data[i])) continue;
            if (count++ === 0) [first, value] = [i, data[i]];
        }
    } else if (dtype === 'float16' && data instanceof Uint16Array) {
        for (let i = 0; i < data.length; i++) {
            if ((data[i] & 0x7c00) !== 0x7c00) continue;
            if (count++ === 0) [first, value] = [i, data[i] & 0x3ff ? NaN : data[i] & 0x8000 ? -Infinity : Infinity];
        }
    }
    const result = count > 0 ? { count, first, value } : undefined;
    scanned.set(data, result ?? null);
    return result;
}

/** The first non-finite number of a generator's arguments. */
function generatorNonFinite(generator: Generator): number | undefined {
    for (const [key, value] of Object.entries(generator)) {
        if (typeof value === 'number' && key !== 'seed' && !Number.isFinite(value)) return value;
        if (typeof value === 'object' && value !== null) {
            const inner = generatorNonFinite(value as Generator);
            if (inner !== undefined) return inner;
        }
    }
    return undefined;
}

/** `[2, 0]` for flat index 4 of shape `[3, 2]`. */
function indexOf(flat: number, shape: readonly number[]): string {
    const index: number[] = [];
    for (let d = shape.length - 1; d >= 0; d--) {
        index.unshift(flat % Math.max(1, shape[d]));
        flat = Math.floor(flat / Math.max(1, shape[d]));
    }
    return `[${index.join(', ')}]`;
}

/** What is wrong with a tensor's numbers, in words, or undefined when all are finite. */
function describe(tensor: Tensor): string | undefined {
    if (tensor.source.kind === 'generated') {
        const { generator } = tensor.source;
        const bad = generatorNonFinite(generator);
        if (bad === undefined) return undefined;
        return generator.kind === 'constant' ? `it is ${bad}` : `its ${generator.kind} generator takes ${bad}`;
    }
    const found = scan(tensor.dtype, tensor.source.data);
    if (!found) return undefined;
    const where = tensor.shape.length > 0 ? ` at ${indexOf(found.first, tensor.shape)}` : '';
    return found.count === 1 ? `it holds ${found.value}${where}` : `it holds ${found.count} values that are not finite, the first ${found.value}${where}`;
}

/** NaN or ±Inf in a parameter: every backend computes garbage from it, and checks that measure values (quantisation) cannot. */
export const NON_FINITE = graphCheck({
    id: 'nir/non-finite',
    severity: 'error',
    title: 'A parameter holds NaN or an infinity.',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            for (const [name, value] of node.params) {
                if (value.kind !== 'tensor') continue;
                const problem = describe(value);
                if (!problem) continue;
                ctx.report({
                    code: 'nir/non-finite',
                    severity: 'error',
                    message: `${name} of ${kind?.id ?? node.type ?? 'node'} '${node.name}' is not finite: ${problem}. Simulators and SpiNNaker2 compute nothing meaningful from NaN or infinity; give a finite number.`,
                    origin: value.origin,
                });
            }
        }
    },
});
