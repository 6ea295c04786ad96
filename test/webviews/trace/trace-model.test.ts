import { describe, expect, it } from 'vitest';
import { formatJoules, niceTicks } from '../../../client/webviews/trace/axis.js';
import { pixelWord } from '../../../client/webviews/trace/colours.js';
import { drawRaster, lowerBound } from '../../../client/webviews/trace/raster.js';
import { populationRate } from '../../../client/webviews/trace/rates.js';
import { TraceStore } from '../../../client/webviews/trace/trace-store.js';
import { fullWindow, panWindow, zoomWindow } from '../../../client/webviews/trace/viewport.js';
import { periodicChunks, syntheticRun } from './synthetic-trace.js';

function storeOf(populations: readonly (readonly [string, number])[], steps: number, period: number): TraceStore {
    const run = syntheticRun(populations, steps, 50);
    const store = new TraceStore(run);
    for (const chunk of periodicChunks(run, 50, period)) store.add(chunk);
    return store;
}

describe('TraceStore', () => {
    it('stacks populations in channel order and keeps every spike of every chunk', () => {
        const store = storeOf([['in', 10], ['out', 5]], 200, 10);
        const [a, b] = store.populations();
        expect([a!.firstRow, b!.firstRow, store.rowCount()]).toEqual([0, 10, 15]);
        // Each neuron spikes every 10 ticks: 200/10 spikes per neuron.
        expect(a!.step.length).toBe(10 * 20);
        expect(b!.step.length).toBe(5 * 20);
        expect(store.spikeCount()).toBe(300);
        expect(Array.from(a!.step).every((t, k, all) => k === 0 || all[k - 1]! <= t)).toBe(true);
        expect(store.chunksReceived).toBe(4);
    });

    it('refuses a chunk that goes back in time and one whose columns disagree', () => {
        const run = syntheticRun([['p', 2]], 100, 50);
        const store = new TraceStore(run);
        const [first] = periodicChunks(run, 50, 3);
        store.add(first!);
        expect(() => store.add(first!)).toThrow(/arrived after/);
        expect(() => store.add({ firstStep: 50, steps: 50, probes: [], spikes: [{ channel: 0, step: [51, 52], neuron: [0] }] })).toThrow(/2 ticks for 1 neurons/);
    });

    it('keeps probes apart from the raster and reads them per tick', () => {
        const run = { ...syntheticRun([['p', 3]], 4, 4), channels: [{ name: 'p', path: 'p', type: 'LIF', size: 3 }, { name: 'p', path: 'p', type: 'LIF', size: 2, indices: [0, 2] }] };
        const store = new TraceStore(run);
        store.add({ firstStep: 0, steps: 4, spikes: [], probes: [{ channel: 1, values: [0, 0.5, 0.1, 0.6, 0.2, 0.7, 0.3, 0.8] }], packets: [1, 2, 3, 4] });
        const [probe] = store.probes();
        expect(probe!.steps).toBe(4);
        expect(probe!.values[3 * 2 + 1]).toBeCloseTo(0.8);
        expect(store.rowCount()).toBe(3);
        expect(Array.from(store.packets)).toEqual([1, 2, 3, 4]);
        expect(store.hasMachineCounters).toBe(true);
    });
});

describe('windows', () => {
    it('zooms around the anchor and never leaves the axis', () => {
        const zoomed = zoomWindow(fullWindow(1000), 0.5, 0.5, 1000, 4);
        expect(zoomed).toEqual({ start: 250, end: 750 });
        expect(zoomWindow(zoomed, 0.001, 0, 1000, 4)).toEqual({ start: 250, end: 254 });
        expect(zoomWindow(zoomed, 100, 0.5, 1000, 4)).toEqual({ start: 0, end: 1000 });
        expect(panWindow(zoomed, 10, 1000)).toEqual({ start: 500, end: 1000 });
        expect(panWindow(zoomed, -10, 1000)).toEqual({ start: 0, end: 500 });
    });
});

describe('drawRaster', () => {
    it('draws each visible spike once, in its population colour, at its tick and row', () => {
        const store = storeOf([['a', 4], ['b', 4]], 8, 4);
        const pixels = new Uint32Array(8 * 8);
        const colours = [pixelWord('#ff0000'), pixelWord('#00ff00')];
        const drawn = drawRaster({ pixels, width: 8, height: 8 }, store.populations(), colours, fullWindow(8), fullWindow(8));
        expect(drawn).toBe(16);
        // Neuron n of a spikes when (t + n) % 4 === 0: tick 0 neuron 0, tick 3 neuron 1, …
        expect(pixels[0 * 8 + 0]).toBe(colours[0]);
        expect(pixels[1 * 8 + 3]).toBe(colours[0]);
        expect(pixels[1 * 8 + 0]).toBe(0);
        expect(pixels[4 * 8 + 0]).toBe(colours[1]);
        expect(pixels.filter((p) => p !== 0).length).toBe(16);
    });

    it('visits only the spikes inside the window', () => {
        const store = storeOf([['a', 100]], 1000, 7);
        const pixels = new Uint32Array(50 * 20);
        const drawn = drawRaster({ pixels, width: 50, height: 20 }, store.populations(), [1], { start: 100, end: 150 }, { start: 0, end: 20 });
        let expected = 0;
        for (let t = 100; t < 150; t++) for (let n = 0; n < 20; n++) if ((t + n) % 7 === 0) expected++;
        expect(drawn).toBe(expected);
        expect(lowerBound(Int32Array.from([1, 3, 3, 5]), 3)).toBe(1);
    });
});

describe('populationRate', () => {
    it('gives spikes per neuron per second', () => {
        // Every neuron spikes every 10 ticks of 1 ms: 100 Hz.
        const store = storeOf([['a', 10]], 1000, 10);
        const rate = populationRate(store.populations()[0]!, fullWindow(1000), 20, 1);
        expect(rate.binTicks).toBe(50);
        expect(Array.from(rate.hz).every((hz) => Math.abs(hz - 100) < 1e-9)).toBe(true);
    });
});

describe('labels', () => {
    it('puts axis ticks on round numbers', () => {
        expect(niceTicks(0, 1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
        expect(niceTicks(3, 47, 4)).toEqual([20, 40]);
        expect(formatJoules(2.5e-6)).toBe('2.5 µJ');
        expect(formatJoules(0.12)).toBe('120 mJ');
    });
});
