import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../engine/src/nir/npy.js';
import { npyBytes } from '../spec/helpers.js';

function bytesOf(array: ArrayBufferView): Uint8Array {
    return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A .npy file with a version 2 or 3 header (4-byte header length). */
function npyV2(version: 2 | 3, header: string, body: Uint8Array): Uint8Array {
    const encoded = new TextEncoder().encode(header);
    const out = new Uint8Array(12 + encoded.length + body.length);
    out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
    new DataView(out.buffer).setUint32(8, encoded.length, true);
    out.set(encoded, 12);
    out.set(body, 12 + encoded.length);
    return out;
}

describe('readNpy', () => {
    it('reads little-endian float32 with its shape', () => {
        const result = readNpy(npyBytes('<f4', [2, 3], bytesOf(new Float32Array([1, 2, 3, 4, 5, 6.5]))));
        expect(result.error).toBeUndefined();
        expect(result.array?.dtype).toBe('float32');
        expect(result.array?.shape).toEqual([2, 3]);
        expect(Array.from(result.array?.data as Float32Array)).toEqual([1, 2, 3, 4, 5, 6.5]);
    });

    it('reads big-endian int64 exactly', () => {
        const body = new Uint8Array(16);
        const view = new DataView(body.buffer);
        view.setBigInt64(0, 9007199254740993n, false);
        view.setBigInt64(8, -2n, false);
        const result = readNpy(npyBytes('>i8', [2], body));
        expect(Array.from(result.array?.data as BigInt64Array)).toEqual([9007199254740993n, -2n]);
    });

    it('reads bool, uint8, float16 and 0-d arrays', () => {
        expect(readNpy(npyBytes('|b1', [3], new Uint8Array([1, 0, 1]))).array?.dtype).toBe('bool');
        expect(readNpy(npyBytes('|u1', [], new Uint8Array([7]))).array).toMatchObject({ dtype: 'uint8', shape: [] });
        const half = readNpy(npyBytes('<f2', [1], bytesOf(new Uint16Array([0x3c00]))));
        expect([half.array?.dtype, Array.from(half.array?.data as Uint16Array)]).toEqual(['float16', [0x3c00]]);
    });

    it('reads version 2 and 3 headers (utf-8 in version 3)', () => {
        const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n";
        const body = bytesOf(new Float64Array([0.25]));
        expect(readNpy(npyV2(2, header, body)).array?.shape).toEqual([1]);
        expect(Array.from(readNpy(npyV2(3, header, body)).array?.data as Float64Array)).toEqual([0.25]);
    });

    it('refuses Fortran order, unknown dtypes, structured dtypes and bad versions with clear messages', () => {
        expect(readNpy(npyBytes('<f4', [1, 1], new Uint8Array(4), true)).error).toMatch(/Fortran order/);
        expect(readNpy(npyBytes('<c8', [1], new Uint8Array(8))).error).toMatch(/'<c8' is not one NIR stores/);
        const structured = npyV2(2, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4));
        expect(readNpy(structured).error).toMatch(/bad \.npy header/);
        const v9 = npyBytes('<f4', [1], new Uint8Array(4));
        v9[6] = 9;
        expect(readNpy(v9).error).toMatch(/version 9\.0/);
        expect(readNpy(new Uint8Array([1, 2, 3])).error).toMatch(/not a \.npy file/);
    });

    it('refuses shapes that disagree with the data length, and oversized or truncated headers', () => {
        expect(readNpy(npyBytes('<f4', [1000000, 1000000], new Uint8Array(8))).error).toMatch(/needs 4000000000000 data bytes but the file has 8/);
        expect(readNpy(npyBytes('<f4', [3], new Uint8Array(8))).error).toMatch(/needs 12 data bytes/);
        const huge = npyBytes('<f4', [1], new Uint8Array(4));
        huge[8] = 0xff;
        huge[9] = 0xff;
        expect(readNpy(huge).error).toMatch(/truncated/);
        const long = npyV2(2, ' '.repeat(10), new Uint8Array());
        new DataView(long.buffer).setUint32(8, 2 ** 31, true);
        expect(readNpy(long).error).toMatch(/more than the 100000 allowed/);
    });

    it('never throws on random bytes after a valid magic', () => {
        for (let seed = 1; seed < 300; seed++) {
            const bytes = npyBytes('<f4', [2], new Uint8Array(8));
            let x = seed;
            for (let i = 6; i < bytes.length; i++) {
                x = (x * 1103515245 + 12345) & 0x7fffffff;
                if (x % 5 === 0) bytes[i] = x & 0xff;
            }
            const result = readNpy(bytes);
            expect(result.array !== undefined || typeof result.error === 'string').toBe(true);
        }
    });
});
