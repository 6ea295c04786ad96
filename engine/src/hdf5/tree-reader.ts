import type { Dataset, Entity, File as H5File, Group } from 'h5wasm';
import type { NirEdge, NirNode } from '../nir/graph.js';
import type { NirDict, NirValue } from '../nir/value.js';
import type { Problem, Severity } from '../diagnostics/problem.js';
import type { Hdf5Library } from './h5-module.js';
import type { NirReadResult } from './read-nir.js';
import { readDatasetValue, type DecodeBudget } from './read-dataset.js';
import { readEdgeRows } from './read-edges.js';
import { MAX_FILE_DECODED_BYTES, MAX_GROUP_DEPTH, MAX_OBJECTS } from './limits.js';
import { hdf5ErrorSummary, problemAt, type Hdf5Code } from './problems.js';
import { ObjectRegistry } from './object-registry.js';

/** The members of a node group that are not parameters. */
const STRUCTURAL = new Set(['type', 'nodes', 'edges', 'metadata']);

/**
 * Walks one open HDF5 file into the NIR model: `/version`, the root node `/node`, its parameter
 * datasets, `metadata/` groups, nested `nodes/` and `edges`. Every problem names the HDF5 path.
 * Bounded: each HDF5 object is read once however many hard links reach it (so link cycles end),
 * and group depth, object count and decoded bytes are limited (see limits.ts).
 */
export class TreeReader {
    private readonly problems: Problem[] = [];
    private readonly budget: DecodeBudget = { remainingBytes: MAX_FILE_DECODED_BYTES };
    private readonly seen: ObjectRegistry;
    private objects = 0;

    constructor(private readonly library: Hdf5Library, private readonly file: H5File, private readonly lenient: boolean) {
        this.seen = new ObjectRegistry(library, file);
        this.seen.firstVisit('/node');
    }

    /** Reads the whole document, or explains why there is none. */
    readDocument(): NirReadResult {
        let keys: string[];
        try {
            keys = this.file.keys();
        } catch (error) {
            this.add('hdf5/bad-object', 'error', `The members of the root group cannot be listed (corrupt file?): ${hdf5ErrorSummary(error)}.`, '/');
            return { problems: this.problems };
        }
        const version = keys.includes('version') ? this.readVersion() : undefined;
        const rootEntity = keys.includes('node') ? this.file.get('node') : null;
        if (rootEntity instanceof this.library.h5.Group) {
            if (version === undefined && !keys.includes('version')) {
                this.add('hdf5/missing-version', 'warning', 'The file has no /version dataset (NIR writes one since 0.1.x); the NIR version is unknown.', '/version');
            }
            for (const key of keys) {
                if (key !== 'node' && key !== 'version') this.add('hdf5/unexpected-object', 'warning', `/${key} is not part of NIR's layout (only /version and /node are) and is ignored.`, `/${key}`);
            }
            const root = this.readNode(rootEntity, '/node', '', 0);
            return { document: root ? { version, root } : undefined, problems: this.problems };
        }
        const nirData = this.file.attrs.__type__ !== undefined;
        const legacy = keys.includes('nodes') && !nirData ? this.file.get('nodes') : null;
        if (legacy instanceof this.library.h5.Group) return this.readLegacy(legacy);
        const why = nirData
            ? 'This is a NIRData file (observed spikes and voltages), not a NIR graph: it has no /node group.'
            : 'The file has no /node group, so it holds no NIR graph (is it a .nir file?).';
        this.add('hdf5/no-root-node', 'error', why, '/');
        return { problems: this.problems };
    }

    private readVersion(): string | undefined {
        const entity = this.file.get('version');
        if (entity instanceof this.library.h5.Dataset) {
            const read = readDatasetValue(this.library, entity, { path: '/version' }, this.budget);
            if (read.value?.kind === 'string') return read.value.value;
        }
        this.add('hdf5/bad-version', 'warning', '/version is not a string dataset; the NIR version is unknown.', '/version');
        return undefined;
    }

    /** NIR 0.0.x files: `/nodes/<index>` and integer index pairs in `/edges`, no root node. */
    private readLegacy(nodesGroup: Group): NirReadResult {
        this.add('hdf5/legacy-layout', this.refusal(),
            'The file uses the NIR 0.0.x layout (/nodes/<index> and integer /edges, no /node); it was read as one graph whose nodes are named by their index. Re-export it with a current NIR.', '/nodes');
        const nodes = this.readChildren(nodesGroup, '/nodes', 0);
        const edgesEntity = this.file.keys().includes('edges') ? this.file.get('edges') : null;
        const edges = edgesEntity instanceof this.library.h5.Dataset ? this.readEdges(edgesEntity, '/edges') : [];
        const root: NirNode = {
            name: '', type: 'NIRGraph', params: new Map(), metadata: emptyDict('/metadata'), nodes, edges,
            origin: { path: '/' }, typeOrigin: { path: '/' },
        };
        return { document: { root }, problems: this.problems };
    }

    private readNode(group: Group, path: string, name: string, depth: number): NirNode | undefined {
        if (!this.enter(path, depth)) return undefined;
        let type: string | undefined;
        let typeSeen = false;
        const params = new Map<string, NirValue>();
        const unreadParams = new Set<string>();
        let metadata = emptyDict(`${path}/metadata`);
        let nodes: Map<string, NirNode> | undefined;
        let edges: NirEdge[] | undefined;
        for (const [key, entity] of this.members(group, path)) {
            const childPath = `${path}/${key}`;
            const isGroup = entity instanceof this.library.h5.Group;
            const isDataset = entity instanceof this.library.h5.Dataset;
            if (key === 'type' && isDataset) {
                typeSeen = true;
                type = this.readType(entity, childPath);
            }
            else if (key === 'nodes' && isGroup) nodes = this.readChildren(entity, childPath, depth);
            else if (key === 'edges' && isDataset) edges = this.readEdges(entity, childPath);
            else if (key === 'metadata' && isGroup) metadata = this.readDict(entity, childPath, depth + 1) ?? metadata;
            else if (isDataset && !STRUCTURAL.has(key)) this.setValue(params, key, this.readValue(entity, childPath), unreadParams);
            else if (isGroup && !STRUCTURAL.has(key)) this.setValue(params, key, this.readDict(entity, childPath, depth + 1), unreadParams);
            else this.add('hdf5/unexpected-object', this.refusal(), `${childPath} is not a dataset or group of the kind NIR writes here; it is ignored.`, childPath);
        }
        if (!typeSeen) {
            this.add('hdf5/missing-type', 'error', `The node group ${path} has no string dataset 'type' saying what kind of node it is.`, `${path}/type`);
        }
        return {
            name, type: type ?? '', params, unreadParams, metadata, nodes, edges,
            origin: { path }, typeOrigin: { path: `${path}/type` },
        };
    }

    private readType(dataset: Dataset, path: string): string | undefined {
        const read = readDatasetValue(this.library, dataset, { path }, this.budget);
        if (read.value?.kind === 'string') return read.value.value;
        this.add('hdf5/bad-type', 'error', `${path} must be a scalar string naming the node's type (such as "LIF"); it is ${read.value ? `a ${read.value.kind}` : 'unreadable'}.`, path);
        return undefined;
    }

    private readChildren(group: Group, path: string, depth: number): Map<string, NirNode> {
        const nodes = new Map<string, NirNode>();
        for (const [key, entity] of this.members(group, path)) {
            const childPath = `${path}/${key}`;
            if (entity instanceof this.library.h5.Group) {
                const node = this.readNode(entity, childPath, key, depth + 1);
                if (node) nodes.set(key, node);
            } else {
                this.add('hdf5/unexpected-object', this.refusal(), `${childPath} is not a node group (every member of nodes/ must be one); it is ignored.`, childPath);
            }
        }
        return nodes;
    }

    private readEdges(dataset: Dataset, path: string): NirEdge[] {
        const rows = readEdgeRows(this.library, dataset, path, this.budget);
        if ('problem' in rows) {
            this.add(rows.problem.code, 'error', rows.problem.message, path);
            return [];
        }
        return rows.pairs.map(([source, target], row) => {
            const origin = { path: `${path}/${row}` };
            return { source, target, origin, sourceOrigin: origin, targetOrigin: origin };
        });
    }

    private readDict(group: Group, path: string, depth: number): NirDict | undefined {
        if (!this.enter(path, depth)) return undefined;
        const entries = new Map<string, NirValue>();
        for (const [key, entity] of this.members(group, path)) {
            const childPath = `${path}/${key}`;
            if (entity instanceof this.library.h5.Group) this.setValue(entries, key, this.readDict(entity, childPath, depth + 1));
            else if (entity instanceof this.library.h5.Dataset) this.setValue(entries, key, this.readValue(entity, childPath));
            else this.add('hdf5/unexpected-object', this.refusal(), `${childPath} is not a dataset or group; it is ignored.`, childPath);
        }
        return { kind: 'dict', entries, origin: { path } };
    }

    private readValue(dataset: Dataset, path: string): NirValue | undefined {
        if (!this.enter(path, 0)) return undefined;
        const read = readDatasetValue(this.library, dataset, { path }, this.budget);
        if (read.problem) this.add(read.problem.code, 'error', read.problem.message, path);
        return read.value;
    }

    /** A group's members that HDF5 can open; each one it cannot is reported and skipped. */
    private *members(group: Group, path: string): Generator<[string, Entity]> {
        let keys: string[];
        try {
            keys = group.keys();
        } catch (error) {
            this.add('hdf5/bad-object', 'error', `The members of ${path} cannot be listed: ${hdf5ErrorSummary(error)}.`, path);
            return;
        }
        for (const key of keys) {
            if (key.length === 0 || key === '.' || key.includes('/') || key.includes('\uFFFD')) {
                const shown = JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
                this.add('hdf5/bad-name', 'error', `A member of ${path} has a name that is not valid UTF-8 (it decodes as ${shown}), so it cannot be looked up; it and everything in it are not read. Rename it (h5py: group.move).`, path);
                continue;
            }
            let entity: Entity | null;
            try {
                entity = group.get(key);
            } catch (error) {
                this.add('hdf5/bad-object', 'error', `${path}/${key} cannot be opened (corrupt file?): ${hdf5ErrorSummary(error)}.`, `${path}/${key}`);
                continue;
            }
            if (!entity) this.add('hdf5/bad-object', 'error', `${path}/${key} is listed but cannot be found by its name (corrupt file?); it is not read.`, `${path}/${key}`);
            else if (this.firstVisit(`${path}/${key}`)) yield [key, entity];
        }
    }

    /** False (with a problem) when the object at `path` was already reached through another link. */
    private firstVisit(path: string): boolean {
        const earlier = this.seen.firstVisit(path);
        if (earlier === undefined) return true;
        if (path.startsWith(`${earlier}/`)) {
            this.add('hdf5/repeated-object', 'error', `${path} is a hard link back to ${earlier}, which contains it: a cycle that NIR never writes; it is not followed.`, path);
        } else {
            this.add('hdf5/repeated-object', this.refusal(), `${path} is a second hard link to the object already read as ${earlier}; NIR never shares objects, so it is read once, there.`, path);
        }
        return false;
    }

    /** Keeps a parameter's value, or its name among the unread ones when reading it failed. */
    private setValue(map: Map<string, NirValue>, key: string, value: NirValue | undefined, unread?: Set<string>): void {
        if (value) map.set(key, value);
        else unread?.add(key);
    }

    /** Counts an object and checks the depth; false (with one problem) past a limit. */
    private enter(path: string, depth: number): boolean {
        if (depth > MAX_GROUP_DEPTH) {
            this.add('hdf5/too-deep', 'error', `${path} is nested more than ${MAX_GROUP_DEPTH} groups deep; deeper groups are not read.`, path);
            return false;
        }
        this.objects++;
        if (this.objects === MAX_OBJECTS + 1) {
            this.add('hdf5/too-many-objects', 'error', `The file has more than ${MAX_OBJECTS} groups and datasets; the rest (from ${path} on) are not read.`, path);
        }
        return this.objects <= MAX_OBJECTS;
    }

    /** Problems NIR's own reader would refuse the file for: errors, or warnings in lenient mode. */
    private refusal(): Severity {
        return this.lenient ? 'warning' : 'error';
    }

    private add(code: Hdf5Code, severity: Severity, message: string, path: string): void {
        if (code === 'hdf5/too-deep' && this.problems.some((p) => p.code === code)) return;
        this.problems.push(problemAt(code, severity, message, path));
    }
}

function emptyDict(path: string): NirDict {
    return { kind: 'dict', entries: new Map(), origin: { path } };
}
