import type { Engine } from '../../engine/src/index.js';

/** Where a command writes; tests pass collectors, `main.ts` passes the process streams. */
export interface CliOutput {
    stdout(text: string): void;
    stderr(text: string): void;
    /** True when stderr is a terminal (progress bars are drawn only then). */
    readonly stderrIsTty?: boolean;
}

/** What every command receives. */
export interface CliContext {
    readonly engine: Engine;
    readonly out: CliOutput;
    /** The working directory that relative paths resolve against. */
    readonly cwd: string;
}

/** A wrong command line or an unreadable file: printed as `nirmesh: …` and exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

/** Exit codes of DESIGN.md §4. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** One subcommand: its name, its one-line synopsis and its runner (which returns the exit code). */
export interface CliCommand {
    readonly name: string;
    readonly synopsis: string;
    run(args: readonly string[], ctx: CliContext): Promise<number>;
}
