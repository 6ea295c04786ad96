import type { DType, TensorData } from './value.js';
import { DTYPE_BYTES, allocateTensorData } from './dtype-codec.js';

/**
 * Reads numpy `.npy` files (format versions 1.0, 2.0 and 3.0): the header dict (`descr`,
 * `fortran_order`, `shape`), then the raw elements, little- or big-endian. Bounded: the header
 * must be short and well-formed, and the data must be exactly as long as the shape says.
 * Fortran-ordered and object/structured arrays are refused with a clear message.
 */

/** A decoded `.npy` array. */
export interface NpyArray {
    readonly dtype: DType;
    readonly shape: readonly number[];
    readonly data: TensorData;
}

/** What reading a `.npy` file produced: the array, or why it could not be read. */
export type NpyResult = { readonly array: NpyArray; readonly error?: undefined } | { readonly array?: undefined; readonly error: string };

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** numpy itself refuses headers longer than this; so do we. */
const MAX_HEADER_BYTES = 100_000;

const DESCR_CODES: Readonly<Record<string, DType>> = {
    b1: 'bool', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
    u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', f2: 'float16', f4: 'float32', f8: 'float64',
};

/** Parses the bytes of a `.npy` file. Never throws. */
export function readNpy(bytes: Uint8Array): NpyResult {
    if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) return { error: 'not a .npy file (the magic string \\x93NUMPY is missing)' };
    const major = bytes[6];
    if (major < 1 || major > 3) return { error: `.npy format version ${major}.${bytes[7]} is not supported (1.0, 2.0 and 3.0 are)` };
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const lengthBytes = major === 1 ? 2 : 4;
    if (bytes.length < 8 + lengthBytes) return { error: 'the .npy header is truncated' };
    const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
    const headerStart = 8 + lengthBytes;
    if (headerLength > MAX_HEADER_BYTES) return { error: `the .npy header claims ${headerLength} bytes, more than the ${MAX_HEADER_BYTES} allowed` };
    if (headerStart + headerLength > bytes.length) return { error: 'the .npy header is truncated' };
    const headerBytes = bytes.subarray(headerStart, headerStart + headerLength);
    const headerText = major === 3 ? new TextDecoder('utf-8').decode(headerBytes) : latin1(headerBytes);
    const header = parseHeader(headerText);
    if ('error' in header) return { error: `bad .npy header: ${header.error}` };
    return decodeData(header, bytes.subarray(headerStart + headerLength));
}

interface Header {
    readonly descr: string;
    readonly fortranOrder: boolean;
    readonly shape: number[];
}

function decodeData(header: Header, body: Uint8Array): NpyResult {
    const match = /^([<>|=])([a-z]\d+)$/.exec(header.descr);
    const dtype = match ? DESCR_CODES[match[2]] : undefined;
    if (!match || !dtype) return { error: `the .npy dtype '${header.descr}' is not one NIR stores (bool, int8–64, uint8–64, float16/32/64)` };
    if (header.fortranOrder) return { error: 'the .npy array is in Fortran order; save it in C order (numpy.ascontiguousarray) and try again' };
    let count = 1;
    for (const d of header.shape) count *= d;
    const itemSize = DTYPE_BYTES[dtype];
    if (!Number.isSafeInteger(count * itemSize) || count * itemSize !== body.length) {
        return { error: `the .npy shape [${header.shape.join(', ')}] needs ${count * itemSize} data bytes but the file has ${body.length}` };
    }
    const data = allocateTensorData(dtype, count);
    const out = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    copyElements(body, out, 0, itemSize, itemSize > 1 && (match[1] === '>') === isLittleEndianHost());
    return { array: { dtype, shape: header.shape, data } };
}

/** Copies elements of `itemSize` bytes into `to` at `at`, reversing each element's bytes when `swap`. */
function copyElements(from: Uint8Array, to: Uint8Array, at: number, itemSize: number, swap: boolean): void {
    if (!swap) {
        to.set(from, at);
        return;
    }
    for (let i = 0; i < from.length; i += itemSize) {
        for (let b = 0; b < itemSize; b++) to[at + i + b] = from[i + itemSize - 1 - b];
    }
}

function isLittleEndianHost(): boolean {
    return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

function latin1(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
}

/**
 * Parses numpy's header, a Python dict literal such as
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`, without evaluating anything.
 */
function parseHeader(text: string): Header | { error: string } {
    const entries = new Map<string, string>();
    const body = /^\s*\{(.*)\}\s*$/s.exec(text);
    if (!body) return { error: 'it is not a dict literal' };
    const entry = /\s*'([a-z_]+)'\s*:\s*('[^']*'|True|False|\([^()]*\))\s*(,|$)/gy;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = entry.exec(body[1])) !== null) {
        entries.set(m[1], m[2]);
        consumed = entry.lastIndex;
        if (m[3] === '') break;
    }
    if (body[1].slice(consumed).trim() !== '') return { error: `cannot read '${body[1].slice(consumed, consumed + 40).trim()}'` };
    const descr = entries.get('descr');
    const fortran = entries.get('fortran_order');
    const shape = entries.get('shape');
    if (!descr || !fortran || !shape || entries.size !== 3) return { error: "it needs exactly the keys 'descr', 'fortran_order' and 'shape'" };
    if (!descr.startsWith("'")) return { error: "'descr' must be a string (structured dtypes are not supported)" };
    if (fortran.startsWith("'") || fortran.startsWith('(')) return { error: "'fortran_order' must be True or False" };
    if (!shape.startsWith('(')) return { error: "'shape' must be a tuple" };
    const dims = shape.slice(1, -1).split(',').map((d) => d.trim()).filter((d, i, all) => d !== '' || i < all.length - 1);
    if (dims.some((d) => !/^\d{1,15}$/.test(d))) return { error: `'shape' ${shape} is not a tuple of whole numbers` };
    return { descr: descr.slice(1, -1), fortranOrder: fortran === 'True', shape: dims.map(Number) };
}

/**
 * The bytes of a `.npy` file (format 1.0, C order, little-endian) holding `array`. The header is
 * padded with spaces so the data starts at a multiple of 64 bytes, as numpy writes it.
 */
export function writeNpy(array: NpyArray): Uint8Array {
    const code = Object.entries(DESCR_CODES).find(([, d]) => d === array.dtype)?.[0] ?? 'f8';
    const itemSize = DTYPE_BYTES[array.dtype];
    const descr = `${itemSize === 1 ? '|' : '<'}${code}`;
    const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
    let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
    const unpadded = MAGIC.length + 4 + header.length + 1;
    header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
    const { data } = array;
    const body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const out = new Uint8Array(MAGIC.length + 4 + header.length + body.length);
    out.set(MAGIC, 0);
    out.set([1, 0, header.length & 0xff, header.length >> 8], MAGIC.length);
    for (let i = 0; i < header.length; i++) out[MAGIC.length + 4 + i] = header.charCodeAt(i);
    copyElements(body, out, MAGIC.length + 4 + header.length, itemSize, itemSize > 1 && !isLittleEndianHost());
    return out;
}
