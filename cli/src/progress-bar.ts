import type { CliOutput } from './cli-context.js';

/** Cells of the bar. */
const WIDTH = 30;

/**
 * A one-line progress bar on stderr, redrawn in place, only when stderr is a terminal (pipes, CI
 * logs and `--json` consumers see nothing). `done` clears the line.
 */
export function progressBar(out: CliOutput): { update(done: number, total: number): void; done(): void } {
    if (!out.stderrIsTty) return { update: () => undefined, done: () => undefined };
    let drawn = false;
    return {
        update(done, total) {
            const share = total > 0 ? Math.min(1, done / total) : 1;
            const cells = Math.round(share * WIDTH);
            out.stderr(`\r[${'#'.repeat(cells)}${'.'.repeat(WIDTH - cells)}] ${done}/${total} ticks (Ctrl-C stops and keeps the trace)`);
            drawn = true;
        },
        done() {
            if (drawn) out.stderr('\r\x1b[2K');
        },
    };
}
