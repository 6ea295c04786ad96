import type { Dataset } from 'h5wasm';
import type { DType, TensorData } from '../nir/value.js';
import type { Hdf5Library } from './h5-module.js';

/**
 * The two NIR dtypes h5wasm can neither write nor read: `bool` (h5py's enum(int8){FALSE, TRUE})
 * and `float16`.
 *
 * Writing: such a dataset is created as a one-member compound type of the same element size whose
 * member name is a marker (`__nirmesh_bool__`: int8, `__nirmesh_float16__`: uint16 bits), so the
 * element bytes are already right. After the file is closed, `restoreNativeDtypes` overwrites each
 * marked datatype message with the message h5py writes for the real type (byte for byte as in
 * h5py-written files), which is shorter, and zero-fills the rest of the message. The files are
 * written with HDF5's earliest formats (like h5py's), whose object headers carry no checksums.
 *
 * Reading: h5wasm reads the enum as int8 (the caller maps FALSE/TRUE to `bool`); float16 elements
 * are read as their raw bits with `readFloat16Bits`.
 */

/** HDF5 format bounds for written files: the earliest formats (no header checksums), as h5py uses. */
export const WRITE_LIBVER: ['earliest', 'v110'] = ['earliest', 'v110'];

interface NativeType {
    /** The compound member name that marks the dataset. */
    readonly marker: string;
    /** The h5wasm dtype of the member: same element size as the real type. */
    readonly memberDtype: string;
    /** The body of h5py's datatype message for the real type. */
    readonly message: Uint8Array;
}

const hex = (text: string) => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));

const NATIVE_TYPES: Readonly<Partial<Record<DType, NativeType>>> = {
    // enum, 2 members, size 1; base int8; names FALSE and TRUE padded to 8 bytes; values 0 and 1.
    bool: {
        marker: '__nirmesh_bool__',
        memberDtype: '<b',
        message: hex('18 02 00 00 01 00 00 00 10 08 00 00 01 00 00 00 00 00 08 00 46 41 4c 53 45 00 00 00 54 52 55 45 00 00 00 00 00 01'),
    },
    // IEEE binary16: size 2, precision 16, exponent at bit 10 (5 bits), mantissa 10 bits, bias 15.
    float16: {
        marker: '__nirmesh_float16__',
        memberDtype: '<H',
        message: hex('11 20 0f 00 02 00 00 00 00 00 10 00 0a 05 00 0a 0f 00 00 00'),
    },
};

/** h5wasm `create_dataset` arguments for a dtype h5wasm cannot write; undefined for the others. */
export function markedDataset(dtype: DType, data: TensorData): { dtype: [[string, string]]; data: Map<string, TensorData> } | undefined {
    const native = NATIVE_TYPES[dtype];
    if (!native) return undefined;
    const bits = dtype === 'bool' ? new Int8Array(data.buffer, data.byteOffset, data.length) : data;
    return { dtype: [[native.marker, native.memberDtype]], data: new Map([[native.marker, bits]]) };
}

/**
 * Replaces every marked compound datatype message in a closed file's bytes by the real type's
 * message, in place. Returns how many were replaced. A marker is only taken where the bytes
 * before it are a version-1 datatype message of a one-member compound of the right size.
 */
export function restoreNativeDtypes(bytes: Uint8Array): number {
    let replaced = 0;
    for (const native of Object.values(NATIVE_TYPES)) {
        const needle = new TextEncoder().encode(`${native.marker}\0`);
        for (let at = indexOf(bytes, needle, 0); at >= 0; at = indexOf(bytes, needle, at + needle.length)) {
            const body = at - 8;
            if (body < 8 || !isMarkedMessage(bytes, body, native)) continue;
            const size = bytes[body - 6] | (bytes[body - 5] << 8);
            bytes.fill(0, body, body + size);
            bytes.set(native.message, body);
            replaced++;
        }
    }
    return replaced;
}

/** Is there a datatype message (type 3) whose body at `body` is a 1-member v1 compound of the native size? */
function isMarkedMessage(bytes: Uint8Array, body: number, native: NativeType): boolean {
    const messageType = bytes[body - 8] | (bytes[body - 7] << 8);
    const size = bytes[body - 6] | (bytes[body - 5] << 8);
    const elementSize = native.memberDtype === '<b' ? 1 : 2;
    return messageType === 3 && size >= native.message.length && body + size <= bytes.length &&
        bytes[body] === 0x16 && bytes[body + 1] === 1 && bytes[body + 2] === 0 && bytes[body + 3] === 0 &&
        bytes[body + 4] === elementSize && bytes[body + 5] === 0 && bytes[body + 6] === 0 && bytes[body + 7] === 0;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
    const first = needle[0];
    for (let i = haystack.indexOf(first, from); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(first, i + 1)) {
        let j = 1;
        while (j < needle.length && haystack[i + j] === needle[j]) j++;
        if (j === needle.length) return i;
    }
    return -1;
}

/**
 * The raw IEEE binary16 bits of a float16 dataset's `count` elements (h5wasm's own reader refuses
 * half floats). HDF5 errors are thrown (see error-capture.ts).
 */
export function readFloat16Bits(library: Hdf5Library, dataset: Dataset, count: number): Uint16Array {
    const module = library.module;
    const bytes = Math.max(2 * count, 2);
    const pointer = module._malloc(bytes);
    if (!pointer) throw new Error(`could not allocate ${bytes} bytes to read ${dataset.path}`);
    try {
        const status = module.get_dataset_data(dataset.file_id, dataset.path, null, null, null, BigInt(pointer));
        if (status < 0) throw new Error(`HDF5 could not read ${dataset.path}`);
        return new Uint16Array(module.HEAPU8.slice(pointer, pointer + 2 * count).buffer);
    } finally {
        module._free(pointer);
    }
}
