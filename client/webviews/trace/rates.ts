import { lowerBound } from './raster.js';
import type { PopulationSpikes } from './trace-store.js';
import type { AxisWindow } from './viewport.js';

/** A population's firing rate in `bins` equal bins across a time window, in spikes per neuron per second. */
export interface RateSeries {
    readonly binTicks: number;
    readonly hz: Float64Array;
}

/**
 * Bins the spikes of one population inside `time` (ticks) into about `bins` bins of whole ticks and
 * divides by the neurons and the bin's duration. Visits only the window's spikes.
 */
export function populationRate(population: PopulationSpikes, time: AxisWindow, bins: number, dtMs: number): RateSeries {
    const first = Math.floor(time.start);
    const binTicks = Math.max(1, Math.ceil((Math.ceil(time.end) - first) / Math.max(1, bins)));
    const count = Math.max(1, Math.ceil((Math.ceil(time.end) - first) / binTicks));
    const hz = new Float64Array(count);
    const { step } = population;
    const last = lowerBound(step, first + count * binTicks);
    for (let k = lowerBound(step, first); k < last; k++) hz[Math.floor((step[k]! - first) / binTicks)]! += 1;
    const perSpike = 1000 / (Math.max(1, population.size) * binTicks * dtMs);
    for (let b = 0; b < count; b++) hz[b]! *= perSpike;
    return { binTicks, hz };
}
