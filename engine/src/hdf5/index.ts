/**
 * Reading and writing NIR's HDF5 files (`.nir` graphs and NIRData traces) on h5wasm.
 *
 * Architecture invariants:
 * - HDF5 runs in WebAssembly with an in-memory file system: bytes in, bytes out; no host file access.
 *   Filter plugins (LZF) come from the host as bytes (`registerHdf5FilterPlugins`).
 * - Readers never throw: every failure is a problem naming the HDF5 path concerned.
 * - Sizes are checked before data is read: declared shapes, filters, depth and object counts are
 *   bounded (limits.ts), so hostile files cost bounded time and memory.
 * - Every element read keeps its HDF5 path as its origin (`/node/nodes/fc1/weight`, `/node/edges/3`).
 * - The writer writes what NIR's own writer writes, so NIR's Python reader opens the result.
 */
export { readNirFile, readNirBytes, type NirReadOptions, type NirReadResult } from './read-nir.js';
export { readNirDataset } from './read-nir-dataset.js';
export { readNirSpikes, type NirSpikesRead } from './read-data.js';
export { loadHdf5, loadedHdf5, registerHdf5FilterPlugins, type Hdf5Library, type Hdf5FilterPlugin, type LoadHdf5Options } from './h5-module.js';
export { writeNirFile, writeNirBytes, DEFAULT_NIR_VERSION, type NirWriteOptions, type NirWriteResult } from './write-nir.js';
export {
    writeNirData, type NirGraphData, type NirNodeData, type NirObservable, type TimeGriddedData, type EventData, type ValuedEventData,
} from './write-data.js';
