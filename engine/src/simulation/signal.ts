/**
 * A sparse signal on its way along a projection's chain of weight, pooling, index and delay nodes:
 * entry k says that element `index[k]` carries `value[k]`, `delay[k]` ticks late. Entries with
 * the same index and delay may repeat; the synapse builder sums them.
 */
export interface Signal {
    readonly index: number[];
    readonly value: number[];
    readonly delay: number[];
}

/** An empty signal. */
export function emptySignal(): Signal {
    return { index: [], value: [], delay: [] };
}

/** A signal with one element set: what one pre neuron's spike is at the start of a chain. */
export function unitSignal(index: number): Signal {
    return { index: [index], value: [1], delay: [0] };
}

/** Every element of a dense vector (zeros left out), for pushing a bias along the rest of a chain. */
export function denseSignal(values: ArrayLike<number>): Signal {
    const out = emptySignal();
    for (let i = 0; i < values.length; i++) {
        if (values[i] !== 0) push(out, i, values[i], 0);
    }
    return out;
}

/** Appends one entry. */
export function push(signal: Signal, index: number, value: number, delay: number): void {
    signal.index.push(index);
    signal.value.push(value);
    signal.delay.push(delay);
}
