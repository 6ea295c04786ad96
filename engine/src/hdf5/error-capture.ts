import type { H5Module } from './h5-module.js';

/**
 * HDF5 errors as JavaScript exceptions, without throwing through WebAssembly.
 *
 * h5wasm's `activate_throwing_error_handler` throws from inside HDF5's C error callback. That
 * unwinds the WebAssembly frames without restoring the C stack pointer and leaks the temporary
 * file the callback opened, so each error costs stack and a file descriptor: after about 2,000
 * HDF5 errors in one process (a language server reading broken files, a test of truncated files)
 * the module hangs or corrupts its memory. Instead, HDF5's standard error stream goes to an
 * in-memory device, and every h5wasm entry point is wrapped: the C function runs to its end
 * (closing what it opened), and when HDF5 printed an error stack meanwhile, the wrapper throws it
 * as an `Error` from JavaScript. Callers see the same exceptions with the same text as before.
 */

/**
 * How worn an h5wasm module is. `unwoundCalls`: calls that h5wasm's C++ ended by throwing from
 * inside WebAssembly (its `throw_error`, when an object cannot be opened); each skips the C
 * function's epilogue and leaks its stack frame and argument strings, and about 20,000 exhaust the
 * module. `trapped`: a call hit a WebAssembly trap (a corrupt file drove HDF5 out of bounds), after
 * which the module's memory cannot be trusted. Hosts that read many files in one process watch
 * this and start a fresh module (a new worker).
 */
export interface Hdf5ModuleWear {
    unwoundCalls: number;
    trapped: boolean;
}

const wear = new WeakMap<object, Hdf5ModuleWear>();

/** The wear of a module whose errors are captured. */
export function moduleWear(module: H5Module): Hdf5ModuleWear {
    return { ...(wear.get(module) ?? { unwoundCalls: 0, trapped: false }) };
}

/** The most error text kept from one call (HDF5 stacks are a few KiB; a storm is cut). */
const MAX_CAPTURED_CHARS = 64 * 1024;

/** The h5wasm bindings that call into HDF5 and may leave an error stack. */
const WRAPPED_FUNCTIONS = [
    'open', 'close_file', 'get_libver_bounds', 'get_keys', 'get_names', 'get_types', 'get_symbolic_link',
    'get_external_link', 'get_type', 'get_attribute_names', 'get_attribute_metadata', 'get_dataset_metadata',
    'get_datatype_metadata', 'get_dataset_filters', 'refresh_dataset', 'get_dataset_data', 'set_dataset_data',
    'get_attribute_data', 'reclaim_vlen_memory', 'reclaim_vlen_memory_count', 'create_group', 'create_dataset',
    'resize_dataset', 'create_attribute', 'delete_attribute', 'create_vlen_str_attribute', 'create_vlen_str_dataset',
    'create_soft_link', 'create_hard_link', 'create_external_link', 'flush', 'get_region_metadata', 'get_region_data',
    'get_referenced_name', 'create_object_reference', 'create_region_reference',
] as const;

/** The parts of Emscripten's file system used to redirect standard output and error. */
interface CaptureFs {
    makedev(major: number, minor: number): number;
    registerDevice(dev: number, ops: object): void;
    mkdev(path: string, dev: number): void;
    open(path: string, flags: string): { fd: number };
    close(stream: object): void;
    streams: (object | null | undefined)[];
}

/**
 * Sends HDF5's printed errors to memory and turns them into exceptions thrown by the wrapped
 * h5wasm functions. Call once, right after the module is ready; later calls do nothing.
 */
export function captureHdf5Errors(module: H5Module): void {
    const target = module as unknown as Record<string, unknown> & { FS: CaptureFs; nirmeshErrorCapture?: boolean };
    if (target.nirmeshErrorCapture) return;
    target.nirmeshErrorCapture = true;
    const sink = { text: '' };
    const worn: Hdf5ModuleWear = { unwoundCalls: 0, trapped: false };
    wear.set(module, worn);
    redirectStandardStreams(target.FS, sink);
    for (const name of WRAPPED_FUNCTIONS) {
        const original = target[name];
        if (typeof original !== 'function') continue;
        target[name] = (...args: unknown[]) => {
            sink.text = '';
            let result: unknown;
            try {
                result = (original as (...a: unknown[]) => unknown).apply(module, args);
            } catch (error) {
                worn.unwoundCalls++;
                if (error instanceof WebAssembly.RuntimeError) worn.trapped = true;
                throw error;
            }
            if (sink.text.includes('HDF5-DIAG')) {
                const message = sink.text;
                sink.text = '';
                throw new Error(message);
            }
            return result;
        };
    }
}

/** Points file descriptors 1 and 2 at a device whose writes land in `sink.text` (bounded). */
function redirectStandardStreams(fs: CaptureFs, sink: { text: string }): void {
    const decoder = new TextDecoder();
    const device = fs.makedev(64, 7);
    fs.registerDevice(device, {
        open: () => undefined,
        close: () => undefined,
        read: () => 0,
        write: (_stream: unknown, buffer: Uint8Array, offset: number, length: number) => {
            if (sink.text.length < MAX_CAPTURED_CHARS) sink.text += decoder.decode(buffer.subarray(offset, offset + length));
            return length;
        },
    });
    fs.mkdev('/dev/nirmesh-hdf5-errors', device);
    for (const fd of [1, 2]) {
        const stream = fs.streams[fd];
        if (stream) fs.close(stream);
        const reopened = fs.open('/dev/nirmesh-hdf5-errors', 'w');
        if (reopened.fd !== fd) throw new Error(`could not redirect HDF5's file descriptor ${fd} (got ${reopened.fd})`);
    }
}
