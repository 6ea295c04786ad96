/**
 * Values that used to pass silently: NaN and infinite parameters (one `.inf` weight made the
 * quantisation check silent and `map` say "fits"), and bytes that are not UTF-8.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';
import { npyBytes } from '../engine/spec/helpers.js';

let dir = '';
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-values-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0';
const spec = (weight: string, tau = '0.02') => `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [2]}
    fc: {type: Linear, weight: ${weight}}
    lif: {type: LIF, shape: [2], ${LIF.replace('tau: 0.02', `tau: ${tau}`)}}
    output: {type: Output, shape: [2]}
  edges:
    - [input, fc]
    - [fc, lif]
    - [lif, output]
`;

describe('non-finite values', () => {
    it('an .inf weight is an error at the weight, and map no longer says it fits', async () => {
        writeFileSync(join(dir, 'inf.nir.yaml'), spec('[[0.5, .inf], [0.25, 0.125]]'));
        const mapped = await runCliIn(dir, 'map', 'inf.nir.yaml', '--target', 'spinnaker2-chip');
        expect(mapped.code).toBe(1);
        expect(mapped.stdout).toMatch(/inf\.nir\.yaml:5:\d+ - error nir\/non-finite: weight of Linear 'fc' is not finite: it holds Infinity at \[0, 1\]\./);
        expect(mapped.stdout).not.toMatch(/^fits/m);
    });

    it('NaN parameters and NaN in a .npy weight are errors too, counted', async () => {
        writeFileSync(join(dir, 'w.npy'), npyBytes('<f4', [2, 2], new Uint8Array(new Float32Array([1, NaN, NaN, -Infinity]).buffer)));
        writeFileSync(join(dir, 'nan.nir.yaml'), spec('{file: w.npy}', '.nan'));
        const checked = await runCliIn(dir, 'check', 'nan.nir.yaml');
        expect(checked.code).toBe(1);
        expect(checked.stdout).toMatch(/error nir\/non-finite: weight of Linear 'fc' is not finite: it holds 3 values that are not finite, the first NaN at \[0, 1\]/);
        expect(checked.stdout).toMatch(/:6:\d+ - error nir\/non-finite: tau of LIF 'lif' is not finite: it is NaN\./);
    });
});

// spec/invalid-utf8, with its position
describe('invalid UTF-8', () => {
    it('is reported where it is, and convert writes nothing', async () => {
        const text = Buffer.from(spec('[[1, 0], [0, 1]]').replace('  nodes:', '  metadata: {author: "Jos\u00e9"}\n  nodes:'), 'utf8');
        const broken = Buffer.from(text.toString('latin1').replace('Jos\u00c3\u00a9', 'Jos\u00e9'), 'latin1');
        writeFileSync(join(dir, 'latin1.nir.yaml'), broken);
        const checked = await runCliIn(dir, 'check', 'latin1.nir.yaml');
        expect(checked.code).toBe(1);
        expect(checked.stdout).toMatch(/latin1\.nir\.yaml:3:26 - error spec\/invalid-utf8: Byte \d+ \(0xe9\) is not valid UTF-8; it reads as U\+FFFD/);
        const converted = await runCliIn(dir, 'convert', 'latin1.nir.yaml', 'out.nir');
        expect(converted.code).toBe(1);
    });
});
