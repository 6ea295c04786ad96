import { describe, expect, it } from 'vitest';
import { convolution } from '../../../engine/src/machine/connectivity/windowed.js';

const window = (k: number, s: number, p: number) => ({ kh: 1, kw: k, sh: 1, sw: s, ph: 0, pw: p, dh: 1, dw: 1 });

describe('convolution synapse counts leave out the taps in the padding', () => {
    it('counts a padded 1 × 5 row with a 3-wide kernel: 15 taps less the 2 in the padding', () => {
        const c = convolution({ channels: 1, height: 1, width: 5 }, { channels: 1, height: 1, width: 5 }, window(3, 1, 1), 3, [3]);
        expect(c.synapses).toBe(13);
    });

    it('counts a stride-2 row: outputs 0..2 over inputs 0..4, pad 1, kernel 3', () => {
        // Output o reads inputs 2o−1 … 2o+1: o=0 has 2 inside, o=1 has 3, o=2 has 2.
        const c = convolution({ channels: 1, height: 1, width: 5 }, { channels: 1, height: 1, width: 3 }, window(3, 2, 1), 3, [3]);
        expect(c.synapses).toBe(7);
    });

    it('counts a billion-wide output in closed form instead of visiting every position', () => {
        const width = 1e9;
        const c = convolution({ channels: 1, height: 1, width }, { channels: 1, height: 1, width }, window(3, 1, 1), 3, [3]);
        expect(c.synapses).toBe(3 * width - 2);
    });
});
