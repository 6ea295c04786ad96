/**
 * Reading `.nir` (HDF5) files off the calling thread, within a time bound: shared by the language
 * server (so one file never holds up requests on other documents) and the command line (so a file on
 * which HDF5 loops forever ends with a problem instead of a hang).
 *
 * Architecture invariants:
 * - The server and the CLI read `.nir` files only through a `WorkerNirReader` when the worker bundle
 *   is there (dist/nir-read-worker.cjs, built by esbuild.mjs): h5wasm runs in a `worker_threads`
 *   worker, and the worker's h5wasm module is retired when worn (leaked stack, a trap) or when a
 *   read outlives its time bound (`NIRMESH_NIR_READ_TIMEOUT_MS`, default 60 s). The engine stays
 *   free of threads and files: it is handed the reader as a function.
 * - The worker speaks only `protocol.ts`: bytes in, the engine's `LoadResult` and the module's wear out.
 */
export { WorkerNirReader, DEFAULT_WORKER_READER_LIMITS, READ_TIMEOUT_VARIABLE, type WorkerReaderLimits } from './worker-nir-reader.js';
export { bundledReadWorker, readerLimitsFromEnv } from './reader-config.js';
