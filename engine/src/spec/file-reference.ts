import { isScalar } from './yaml-ast.js';
import type { Tensor } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { readNpy } from '../nir/npy.js';
import { describeNode, type MapEntry, type SpecContext } from './spec-context.js';
import { denseTensor } from './lowered.js';
import type { ArrayFromFile } from './parse-spec.js';

/**
 * `{file: weights.npy}` and `{file: other.nir, path: /node/nodes/fc1/weight}`: arrays read from
 * files beside the spec through the host's resolver. The engine reads no files itself; paths are
 * relative to the spec and may not leave its folder.
 */

/** Reads the array a file reference names; reports and returns undefined when it cannot. */
export function readFileReference(ctx: SpecContext, file: MapEntry, datasetPath: MapEntry | undefined, origin: Origin): Tensor | undefined {
    const fileOrigin = ctx.problemOrigin(origin.path, file.value, file.keyNode);
    const name = file.value && isScalar(file.value) && typeof file.value.value === 'string' ? file.value.value : undefined;
    if (!name) {
        ctx.report({ code: 'spec/unresolved-file', message: `file takes a path relative to the spec, such as weights.npy; found ${describeNode(file.value)}.`, origin: fileOrigin });
        return undefined;
    }
    if (name.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(name) || name.split(/[\\/]/).includes('..')) {
        ctx.report({ code: 'spec/unresolved-file', message: `'${name}' must be a path inside the spec's folder (no absolute paths, no '..').`, origin: fileOrigin });
        return undefined;
    }
    const isNpy = /\.npy$/i.test(name);
    const isNir = /\.(nir|h5|hdf5)$/i.test(name);
    if (!isNpy && !isNir) {
        ctx.report({ code: 'spec/bad-file', message: `'${name}' is neither a .npy nor a .nir file; arrays are read from those two formats.`, origin: fileOrigin });
        return undefined;
    }
    if (isNpy && datasetPath) {
        ctx.report({ code: 'spec/unknown-key', message: 'path names a dataset inside a .nir file; a .npy file holds one array and takes no path.', origin: ctx.origin(origin.path, datasetPath.keyNode, datasetPath.keyNode) });
        return undefined;
    }
    const inner = datasetPath?.value && isScalar(datasetPath.value) && typeof datasetPath.value.value === 'string' ? datasetPath.value.value : undefined;
    if (isNir && !inner) {
        ctx.report({ code: 'spec/unresolved-file', message: `A .nir reference needs the dataset's path too, e.g. {file: ${name}, path: /node/nodes/fc1/weight}.`, origin: fileOrigin });
        return undefined;
    }
    const resolve = ctx.options.resolveFile;
    if (!resolve) {
        ctx.report({ code: 'spec/unresolved-file', message: `Cannot read '${name}': file references need a host that reads files (the nirmesh command line and the language server do).`, origin: fileOrigin });
        return undefined;
    }
    const read = readOnce(ctx, name, () => resolve(name));
    if (!read) {
        ctx.report({ code: 'spec/unresolved-file', message: `Cannot find '${name}' beside the spec.`, origin: fileOrigin });
        return undefined;
    }
    if (!(read instanceof Uint8Array)) {
        ctx.report({ code: 'spec/bad-file', message: `Cannot read '${name}': ${read.error.replace(/\.?$/, '.')}`, origin: fileOrigin });
        return undefined;
    }
    const result = readOnce(ctx, `${name}\0${inner ?? ''}`, () => (isNpy ? npyArray(read) : nirDataset(ctx, read, inner as string)));
    if ('error' in result) {
        ctx.report({ code: result.code, message: `Cannot use '${name}'${isNir ? ` ${inner}` : ''}: ${result.error.replace(/\.?$/, '.')}`, origin: fileOrigin });
        return undefined;
    }
    return denseTensor(result.dtype, result.shape, result.data, origin);
}

/** What one parse has read and decoded, by file name (and dataset): each file is read and decoded once, and its tensors share the data. */
const readPerParse = new WeakMap<SpecContext, Map<string, unknown>>();

function readOnce<T>(ctx: SpecContext, key: string, read: () => T): T {
    let cache = readPerParse.get(ctx);
    if (!cache) readPerParse.set(ctx, (cache = new Map()));
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as T;
}

type CodedResult = ArrayFromFile | { error: string; code: 'spec/bad-file' | 'spec/unresolved-file' };

function npyArray(bytes: Uint8Array): CodedResult {
    const result = readNpy(bytes);
    return result.array ?? { error: result.error, code: 'spec/bad-file' };
}

function nirDataset(ctx: SpecContext, bytes: Uint8Array, path: string): CodedResult {
    const reader = ctx.options.readNirDataset;
    if (!reader) return { error: 'this host cannot read datasets of .nir files.', code: 'spec/unresolved-file' };
    const result = reader(bytes, path);
    return 'error' in result ? { error: result.error, code: 'spec/bad-file' } : result;
}
