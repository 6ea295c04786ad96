/**
 * Reading `.nir` (HDF5) documents off the server's thread.
 *
 * Architecture invariants:
 * - The server reads `.nir` documents only through a `WorkerNirReader`: h5wasm runs in a
 *   `worker_threads` worker, so a large or hostile file never blocks requests on other documents,
 *   and the worker's h5wasm module is retired when worn (leaked stack, a trap) or when a read
 *   outlives its time bound. The engine stays free of threads and files.
 * - The worker speaks only `protocol.ts`: bytes in, the engine's `LoadResult` and the module's wear out.
 */
export { WorkerNirReader, DEFAULT_WORKER_READER_LIMITS, type WorkerReaderLimits } from './worker-nir-reader.js';
