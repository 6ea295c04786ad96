import type { TraceChunk } from '../../../engine/src/index.js';
import type { RunReport } from '../../../protocol/run.js';

/** How many runs the server keeps (their reports and traces), newest used first. */
export const KEPT_RUNS = 4;

/** A finished run: its report (with `cached: false`) and its trace, chunk by chunk. */
export interface KeptRun {
    readonly report: RunReport;
    readonly chunks: readonly TraceChunk[];
}

/**
 * The last few runs, by key (document, version or content, target, settings and options) and by
 * run id. Least recently used runs go first; a trace stays fetchable while its run is kept.
 */
export class RunCache {
    private readonly byKey = new Map<string, KeptRun>();
    private readonly keyOfRun = new Map<string, string>();

    constructor(private readonly capacity = KEPT_RUNS) {}

    /** The run made for `key`, marked as just used. */
    get(key: string): KeptRun | undefined {
        const run = this.byKey.get(key);
        if (run) this.touch(key, run);
        return run;
    }

    /** The run with this id, marked as just used. */
    byRunId(runId: string): KeptRun | undefined {
        const key = this.keyOfRun.get(runId);
        return key === undefined ? undefined : this.get(key);
    }

    /** Keeps a finished run, dropping the least recently used beyond the capacity. */
    put(key: string, run: KeptRun): void {
        this.touch(key, run);
        if (run.report.runId) this.keyOfRun.set(run.report.runId, key);
        for (const [oldKey, old] of this.byKey) {
            if (this.byKey.size <= this.capacity) break;
            this.byKey.delete(oldKey);
            if (old.report.runId) this.keyOfRun.delete(old.report.runId);
        }
    }

    private touch(key: string, run: KeptRun): void {
        this.byKey.delete(key);
        this.byKey.set(key, run);
    }
}
