import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORKER_READER_LIMITS, READ_TIMEOUT_VARIABLE, type WorkerReaderLimits } from './worker-nir-reader.js';

/** The reader worker's bundle, built by esbuild.mjs beside the CLI and server bundles. */
const WORKER_BUNDLE = 'nir-read-worker.cjs';

/**
 * The reader limits, with the time bound that `NIRMESH_NIR_READ_TIMEOUT_MS` sets; a value that is not
 * a positive number of milliseconds is ignored with a warning naming it.
 */
export function readerLimitsFromEnv(env: NodeJS.ProcessEnv): { limits: WorkerReaderLimits; warning?: string } {
    const value = env[READ_TIMEOUT_VARIABLE];
    if (value === undefined || value === '') return { limits: DEFAULT_WORKER_READER_LIMITS };
    const readTimeMs = Number(value);
    if (Number.isFinite(readTimeMs) && readTimeMs > 0 && readTimeMs <= 2 ** 31 - 1) return { limits: { ...DEFAULT_WORKER_READER_LIMITS, readTimeMs } };
    const warning = `${READ_TIMEOUT_VARIABLE}=${JSON.stringify(value.slice(0, 40))} is not a number of milliseconds from 1 to 2147483647; reading .nir files with the default bound of ${DEFAULT_WORKER_READER_LIMITS.readTimeMs} ms`;
    return { limits: DEFAULT_WORKER_READER_LIMITS, warning };
}

/**
 * The reader worker's bundle beside the running bundle (dist/nir-read-worker.cjs beside
 * dist/cli.cjs or dist/server.cjs), or undefined when the sources run unbundled (in-process
 * tests), where `.nir` files are read on the calling thread.
 */
export function bundledReadWorker(): string | undefined {
    // In a CommonJS bundle `__dirname` is the bundle's folder (dist/); test runners set it to the source's.
    const script = typeof __dirname === 'string' ? join(__dirname, WORKER_BUNDLE) : undefined;
    return script && existsSync(script) ? script : undefined;
}
