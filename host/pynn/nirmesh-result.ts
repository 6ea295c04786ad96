/** The prefix of the one stdout line in which rank 0 of an exported `run.py` reports its run. */
export const RESULT_PREFIX = 'NIRMESH-RESULT ';

/** What an exported `run.py` reports (docs/cluster.md): its `NIRMESH-RESULT` line, in camelCase. */
export interface ScriptResult {
    readonly backend: string;
    readonly np: number;
    readonly steps: number;
    readonly dtMs: number;
    /** Seconds spent building the network (setup), and running it. */
    readonly buildS: number;
    readonly runS: number;
    /** Spikes per node over the run, by node name. */
    readonly spikes: Readonly<Record<string, number>>;
    /** Peak resident memory of each rank, MB. */
    readonly peakRssMb: readonly number[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The `NIRMESH-RESULT {json}` line of a script's stdout (the last one, if several), or a sentence
 * saying why there is none or what is wrong with it.
 */
export function parseScriptResult(stdout: string): ScriptResult | string {
    const line = stdout.split('\n').reverse().find((l) => l.startsWith(RESULT_PREFIX));
    if (line === undefined) return `the script printed no ${RESULT_PREFIX.trim()} line`;
    let json: Record<string, unknown>;
    try {
        json = JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>;
    } catch (error) {
        return `its ${RESULT_PREFIX.trim()} line is not JSON (${(error as Error).message})`;
    }
    const spikes = json.spikes as Record<string, unknown> | undefined;
    const rss = Array.isArray(json.peak_rss_mb) ? json.peak_rss_mb : [json.peak_rss_mb];
    const bad = [
        ...['np', 'steps', 'dt_ms', 'build_s', 'run_s'].filter((k) => !isNumber(json[k])),
        ...(typeof json.backend === 'string' ? [] : ['backend']),
        ...(spikes && typeof spikes === 'object' && Object.values(spikes).every(isNumber) ? [] : ['spikes']),
        ...(rss.every(isNumber) ? [] : ['peak_rss_mb']),
    ];
    if (bad.length > 0) return `its ${RESULT_PREFIX.trim()} line lacks or misreports ${bad.join(', ')}`;
    return {
        backend: json.backend as string, np: json.np as number, steps: json.steps as number, dtMs: json.dt_ms as number,
        buildS: json.build_s as number, runS: json.run_s as number, spikes: spikes as Record<string, number>, peakRssMb: rss as number[],
    };
}
