import type { Connectivity } from './types.js';
import { rowBytes } from './types.js';
import { backwardReach, forwardReach, gridSize, type Grid, type Window } from './grid-geometry.js';

/**
 * The (output position, kernel tap) pairs along one axis whose input index `o·s − p + j·d` lies
 * inside 0..length−1: per tap, the output positions in range are one run, counted in closed form,
 * so the cost is the kernel's size, not the output's (a hostile 10^9-wide output costs nothing).
 */
function insideTaps(length: number, outLength: number, k: number, s: number, p: number, d: number): number {
    let n = 0;
    for (let j = 0; j < k; j++) {
        const offset = j * d - p;
        if (!(s > 0)) {
            if (offset >= 0 && offset < length) n += outLength;
            continue;
        }
        const lo = Math.max(0, Math.ceil(-offset / s));
        const hi = Math.min(outLength - 1, Math.floor((length - 1 - offset) / s));
        if (hi >= lo) n += hi - lo + 1;
    }
    return n;
}

/**
 * A convolution as py-spinnaker2's Conv2DProjection stores it: each PE keeps the whole kernel
 * (int8 weights) and a parameter block, not synapse rows (py-spinnaker2 s2_nir.py: conv weights cast to int8). `kernelNonZeros[c]` is
 * the number of non-zero weights of output channel c: the fan-in of its interior neurons.
 * `fusedPoolWindow` > 1 when a pooling layer before the convolution is fused into it. The synapse
 * count leaves out taps in the padding (exact for dense kernels, an expectation for sparse ones).
 */
export function convolution(
    input: Grid, output: Grid, window: Window, kernelElements: number, kernelNonZeros: readonly number[], fusedPoolWindow = 1,
): Connectivity {
    const plane = output.height * output.width;
    const perChannel = kernelNonZeros.map((n) => n * fusedPoolWindow);
    // Taps that fall into the padding make no synapse: count the (position, tap) pairs inside the input.
    const inside = (insideTaps(input.height, output.height, window.kh, window.sh, window.ph, window.dh)
        * insideTaps(input.width, output.width, window.kw, window.sw, window.pw, window.dw)) / (window.kh * window.kw * plane || 1);
    const synapses = perChannel.reduce((a, n) => a + n * plane, 0) * inside;
    const postSize = gridSize(output);
    let max = 0;
    let argChannel = 0;
    perChannel.forEach((n, c) => {
        if (n > max) [max, argChannel] = [n, c];
    });
    const fused = fusedPoolWindow > 1;
    return {
        kind: 'conv', exact: true, preSize: gridSize(input), postSize, synapses, slicePeriod: () => 1,
        fanIn: () => ({ max, mean: postSize > 0 ? synapses / postSize : 0, argMax: argChannel * plane }),
        load: (_first, count, format) => ({
            rows: 0,
            synapses: postSize > 0 ? (synapses / postSize) * count : 0,
            bytes: count > 0 ? Math.ceil((kernelElements * format.convWeightBits) / 32) * 4 + format.convParamsBytes : 0,
        }),
        reach: (first, count) => (fused ? 'all' : forwardReach(input, output, window, true, first, count)),
        sources: (first, count) => (fused ? 'all' : backwardReach(input, output, window, true, first, count)),
    };
}

/**
 * Sum or average pooling as a connection list: each output neuron receives one synapse from each
 * input neuron of its window, in the same channel (py-spinnaker2 s2_nir.py turns pooling into connection lists).
 */
export function pooling(input: Grid, output: Grid, window: Window): Connectivity {
    const k = window.kh * window.kw;
    const postSize = gridSize(output);
    const preSize = gridSize(input);
    const overlap = Math.max(1, (window.kh / window.sh) * (window.kw / window.sw));
    return {
        kind: 'pool', exact: true, preSize, postSize, synapses: postSize * k, slicePeriod: () => 1,
        fanIn: () => ({ max: k, mean: k, argMax: 0 }),
        load(_first, count, format) {
            const synapses = count * k;
            const rows = Math.min(preSize, synapses / overlap);
            return { rows, synapses, bytes: rows > 0 ? rows * rowBytes(synapses / rows, format) : 0 };
        },
        reach: (first, count) => forwardReach(input, output, window, false, first, count),
        sources: (first, count) => backwardReach(input, output, window, false, first, count),
    };
}

/**
 * A dense projection read through a pooling window first (pool → Flatten → Affine, which
 * s2_nir folds into one weight matrix): every pooled unit stands for `window` input neurons, so
 * rows, synapses and fan-in grow by that factor.
 */
export function throughPooling(inner: Connectivity, preSize: number, window: number): Connectivity {
    return {
        kind: inner.kind, exact: inner.exact, preSize, postSize: inner.postSize, synapses: inner.synapses * window, slicePeriod: (n) => inner.slicePeriod(n),
        fanIn() {
            const f = inner.fanIn();
            return { max: f.max * window, mean: f.mean * window, argMax: f.argMax };
        },
        load(first, count, format) {
            const l = inner.load(first, count, format);
            return { rows: l.rows * window, synapses: l.synapses * window, bytes: l.bytes * window };
        },
        reach: () => (inner.synapses > 0 ? 'all' : []),
        sources: () => (inner.synapses > 0 ? 'all' : []),
    };
}
