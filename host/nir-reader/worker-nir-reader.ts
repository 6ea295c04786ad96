import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../../engine/src/index.js';
import type { NirReadReply, NirReadRequest } from './protocol.js';

/** When the reader worker is stopped and replaced. */
export interface WorkerReaderLimits {
    /** A read taking longer ends as `hdf5/read-timeout` and the worker is replaced. */
    readonly readTimeMs: number;
    /** Retire the worker once its h5wasm module has unwound this many calls (about 20,000 exhaust it). */
    readonly retireAfterUnwoundCalls: number;
}

/** The environment variable that sets the time bound of one read, in milliseconds (docs/safety.md). */
export const READ_TIMEOUT_VARIABLE = 'NIRMESH_NIR_READ_TIMEOUT_MS';

/** One minute a file; a fresh module after 2,000 unwound calls, a tenth of what exhausts one. */
export const DEFAULT_WORKER_READER_LIMITS: WorkerReaderLimits = { readTimeMs: 60_000, retireAfterUnwoundCalls: 2_000 };

/** Problems about the whole file sit at its root. */
const ROOT = { path: '/' };

interface Job {
    readonly bytes: Uint8Array;
    readonly lenient: boolean;
    readonly resolve: (result: LoadResult) => void;
}

interface Running {
    readonly id: number;
    readonly job: Job;
    readonly timer: NodeJS.Timeout;
}

/**
 * Reads `.nir` files in a `worker_threads` worker, one at a time, so that the server's thread stays
 * free for other documents while a large or hostile file is read, and so that h5wasm's wear (stack
 * leaked by its throws, a trap on a corrupt file, a read that does not end) is contained: a worn
 * worker is retired and the next read starts a fresh one. Never rejects.
 */
export class WorkerNirReader {
    private worker: Worker | undefined;
    private running: Running | undefined;
    private readonly queue: Job[] = [];
    private nextId = 0;
    /** How many workers have been started (each one a fresh h5wasm module). */
    workersStarted = 0;

    constructor(private readonly script: string, private readonly limits: WorkerReaderLimits = DEFAULT_WORKER_READER_LIMITS) {}

    /** Reads one file's bytes; resolves with its document and problems. */
    read(bytes: Uint8Array, lenient: boolean): Promise<LoadResult> {
        return new Promise((resolve) => {
            this.queue.push({ bytes, lenient, resolve });
            this.startNext();
        });
    }

    /** Stops the worker; reads still queued resolve with a problem. */
    dispose(): void {
        this.retire();
        const stopped = { code: 'hdf5/reader-crashed', severity: 'error', message: 'The language server is shutting down; the file was not read.', origin: ROOT } as const;
        for (const job of this.queue.splice(0)) job.resolve({ problems: [stopped] });
    }

    private startNext(): void {
        if (this.running) return;
        const job = this.queue.shift();
        if (!job) return;
        let worker: Worker;
        try {
            worker = this.worker ?? this.startWorker();
        } catch (error) {
            const message = `The HDF5 reader could not be started: ${error instanceof Error ? error.message : String(error)}.`;
            job.resolve({ problems: [{ code: 'hdf5/reader-crashed', severity: 'error', message, origin: ROOT }] });
            queueMicrotask(() => this.startNext());
            return;
        }
        const id = ++this.nextId;
        const timer = setTimeout(() => {
            const message = `Reading the file took longer than ${this.limits.readTimeMs / 1000} s and was stopped: HDF5 loops forever on some damaged files, and a very large file may need longer (${READ_TIMEOUT_VARIABLE} sets the bound, in milliseconds).`;
            this.finish(id, { problems: [{ code: 'hdf5/read-timeout', severity: 'error', message, origin: ROOT }] });
            this.retire();
        }, this.limits.readTimeMs);
        this.running = { id, job, timer };
        const request: NirReadRequest = { id, bytes: job.bytes, lenient: job.lenient };
        worker.postMessage(request);
    }

    private startWorker(): Worker {
        const worker = new Worker(this.script);
        this.workersStarted++;
        worker.unref();
        worker.on('message', (reply: NirReadReply) => {
            this.finish(reply.id, reply.result);
            if (reply.wear.trapped || reply.wear.unwoundCalls >= this.limits.retireAfterUnwoundCalls) this.retire();
        });
        const lost = (why: string) => {
            if (this.worker !== worker) return;
            this.worker = undefined;
            const message = `The HDF5 reader stopped while reading the file (${why}); the file is probably corrupt.`;
            if (this.running) this.finish(this.running.id, { problems: [{ code: 'hdf5/reader-crashed', severity: 'error', message, origin: ROOT }] });
        };
        worker.on('error', (error) => lost(error.message));
        worker.on('exit', (code) => lost(`exit code ${code}`));
        this.worker = worker;
        return worker;
    }

    private finish(id: number, result: LoadResult): void {
        if (this.running?.id !== id) return;
        clearTimeout(this.running.timer);
        const { job } = this.running;
        this.running = undefined;
        job.resolve(result);
        // Start the next read once the current callback is done (a retirement may follow).
        queueMicrotask(() => this.startNext());
    }

    private retire(): void {
        const worker = this.worker;
        this.worker = undefined;
        if (worker) void worker.terminate();
    }
}
