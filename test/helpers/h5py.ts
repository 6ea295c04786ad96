import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Python with h5py (the `python3` first on PATH may lack it). */
const PYTHON = '/usr/bin/python3';

/** True when Debian's python3-h5py is installed (CI installs it; tests skip with a message otherwise). */
export const H5PY_AVAILABLE = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import h5py, numpy'], { stdio: 'ignore' }).status === 0;

/** Why h5py tests are skipped, for `it.skipIf(...)` titles. */
export const H5PY_SKIP_REASON = 'Debian python3-h5py is not installed (apt-get install -y python3-h5py python3-numpy)';

/**
 * Dumps an HDF5 file as h5py sees it, in the layout of the NIR corpus JSON dumps: graph files as
 * `{version, node: {type, params: {p: {storage: {dtype, shape}, value}}, metadata, nodes, edges}}`,
 * other files as `{nirdata: {attrs, children}}`. Numeric values are `{sha256_le, values?}`; booleans
 * (the HDF5 enum) are JSON booleans, strings are strings.
 */
export function h5pyDump(path: string): Record<string, unknown> {
    return h5pyDumps([path])[0];
}

/** `h5pyDump` of several files in one Python process. */
export function h5pyDumps(paths: readonly string[]): Record<string, unknown>[] {
    const output = execFileSync(PYTHON, ['-c', DUMP_SCRIPT, ...paths], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(output) as Record<string, unknown>[];
}

/**
 * Runs an h5py script that builds a file at the path in the Python variable `out` (with `h5py`
 * and `np` imported) and returns the file's bytes: for HDF5 structures NIRmesh's writer never
 * makes (hard-link cycles, odd names, NUL in strings).
 */
export function craftWithH5py(script: string): Uint8Array {
    const folder = mkdtempSync(join(tmpdir(), 'nirmesh-h5py-'));
    try {
        const out = join(folder, 'crafted.nir');
        execFileSync(PYTHON, ['-c', `import h5py, numpy as np\nout = ${JSON.stringify(out)}\n${script}`], { stdio: ['ignore', 'ignore', 'pipe'] });
        return new Uint8Array(readFileSync(out));
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

const DUMP_SCRIPT = String.raw`
import sys, json, hashlib
import h5py, numpy as np

def dec(v):
    return v.decode('utf-8') if isinstance(v, bytes) else v

def is_bool_enum(ds):
    # h5py's boolean: an HDF5 enum(int8) {FALSE=0, TRUE=1}, which numpy sees as bool
    return ds.id.get_type().get_class() == h5py.h5t.ENUM and ds.dtype == np.bool_

def value(ds):
    data = ds[()]
    if h5py.check_string_dtype(ds.dtype) is not None:
        if ds.shape == ():
            return dec(data)
        return [[dec(x) for x in row] for row in data.tolist()] if data.ndim == 2 else [dec(x) for x in data.tolist()]
    arr = np.asarray(data)
    if is_bool_enum(ds):
        return arr.tolist()
    le = arr.astype(arr.dtype.newbyteorder('<'), copy=False)
    out = {'sha256_le': hashlib.sha256(np.ascontiguousarray(le).tobytes()).hexdigest()}
    if arr.size <= 64:
        out['values'] = arr.tolist()
    return out

def storage(ds):
    dt = ds.dtype
    name = 'object' if h5py.check_string_dtype(dt) is not None else ('bool' if is_bool_enum(ds) else dt.name)
    out = {'dtype': name, 'shape': list(ds.shape)}
    if ds.compression:
        out['compression'] = ds.compression
    return out

def entries(group):
    out = {}
    for k in group.keys():
        obj = group[k]
        out[k] = {'group': entries(obj)} if isinstance(obj, h5py.Group) else {'storage': storage(obj), 'value': value(obj)}
    return out

def node(group):
    out = {'type': dec(group['type'][()])}
    params = {k: v for k, v in entries(group).items() if k not in ('type', 'nodes', 'edges', 'metadata')}
    if params:
        out['params'] = params
    if 'metadata' in group:
        out['metadata'] = entries(group['metadata'])
    if 'nodes' in group:
        out['nodes'] = {k: node(group['nodes'][k]) for k in group['nodes'].keys()}
    if 'edges' in group:
        e = group['edges']
        out['edges'] = value(e) if h5py.check_string_dtype(e.dtype) is not None else []
        out['edges_storage'] = storage(e)
    return out

def attrs(obj):
    return {k: (dec(v) if not isinstance(v, np.generic) else v.item()) for k, v in obj.attrs.items()}

def tree(obj):
    if isinstance(obj, h5py.Dataset):
        return {'storage': storage(obj), 'value': value(obj)}
    return {'attrs': attrs(obj), 'children': {k: tree(obj[k]) for k in obj.keys()}}

def dump(path):
    with h5py.File(path, 'r') as f:
        if 'node' in f:
            return {'version': dec(f['version'][()]) if 'version' in f else None, 'root_members': list(f.keys()), 'node': node(f['node'])}
        return {'root_members': list(f.keys()), 'nirdata': tree(f)}

print(json.dumps([dump(p) for p in sys.argv[1:]]))
`;
