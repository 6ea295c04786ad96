import type { CancellationToken } from 'vscode-languageserver';
import { throwIfCancelled, type AnalyzeOptions, type AnalyzeResult, type CheckCategory, type Engine, type Problem } from '../../../engine/src/index.js';
import { DocumentState, type DocumentSnapshot, type ServerSettings } from '../server-context.js';
import { isCancellation, type GuardLog } from '../guard.js';
import type { DocumentInput } from './document-input.js';
import type { LoadCache } from './load-cache.js';
import { carryMappingProblems } from './carry-mapping.js';

/** One request to bring a document version forward. */
export interface PipelineRun {
    readonly input: DocumentInput;
    readonly settings: ServerSettings;
    /** The state to reach. Read again after each stage, so a save during the fast checks extends the run to the mapping. */
    readonly goal: () => DocumentState;
    /** The state already reached for this input and these settings; only later states are emitted. */
    readonly from: DocumentState;
    readonly filesEpoch: number;
    /** An earlier version's mapped snapshot whose mapping problems the checked state shows until the next mapping. */
    readonly carry?: DocumentSnapshot;
    readonly token: CancellationToken;
    /** Receives each snapshot as its state is reached (the store decides whether it is still current). */
    readonly emit: (snapshot: DocumentSnapshot) => void;
}

/** Lets queued messages (a newer edit, a cancellation) in, then stops if the token fired. */
async function yieldToEventLoop(token: CancellationToken): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    throwIfCancelled(token);
}

function internalError(stage: string, error: unknown): Problem {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'engine/internal-error', severity: 'error', message: `${stage} failed: ${message}`, origin: { path: '/' } };
}

/**
 * The per-document state machine, changed → parsed → lowered → checked → mapped. Parsing goes
 * through the version-keyed `LoadCache`; the engine's fast analysis reaches `Lowered` and
 * `Checked` together (one call infers shapes and runs the fast checks); the mapping runs the slow
 * checks too. Between stages it yields to the event loop and honours the token. An unexpected
 * engine failure becomes an `engine/internal-error` problem at the goal state, so waiters never hang.
 */
export class Pipeline {
    /**
     * @param timing when given, receives one line per run with the milliseconds of each stage
     *   (`NIRMESH_TIMING=1` turns it on in the server, as rust-analyzer's `RA_PROFILE`).
     */
    constructor(
        private readonly engine: Engine,
        private readonly cache: LoadCache,
        private readonly log: GuardLog,
        private readonly timing?: (line: string) => void,
    ) {}

    /** Runs the stages after `run.from` up to the goal; returns the last snapshot. Throws only `OperationCancelled`. */
    async run(run: PipelineRun): Promise<DocumentSnapshot> {
        const { input, token } = run;
        const textDocument = input.format === 'spec' ? input.textDocument : undefined;
        const laps: string[] = [];
        let mark = performance.now();
        const lap = (name: string) => {
            const now = performance.now();
            laps.push(`${name}=${(now - mark).toFixed(1)}`);
            mark = now;
        };
        const snapshot = (state: DocumentState, result: AnalyzeResult): DocumentSnapshot => {
            const made: DocumentSnapshot = { uri: input.uri, version: input.version, format: input.format, textDocument, state, result, problems: result.problems };
            if (state > run.from) run.emit(made);
            lap(`emit-${DocumentState[state].toLowerCase()}`);
            if (state >= run.goal() || state === DocumentState.Mapped) this.timing?.(`nirmesh timing ${input.uri} v${input.version}: ${laps.join(' ')}`);
            return made;
        };
        let stage = 'reading';
        let result: AnalyzeResult = { problems: [] };
        try {
            const loaded = await this.cache.load(input, { lenientNir: run.settings.lenientNir, filesEpoch: run.filesEpoch }, token);
            throwIfCancelled(token);
            lap(`load-${this.cache.lastKind.get(input.uri) ?? 'full'}`);
            const document = loaded.document;
            result = { document, problems: loaded.problems };
            if (!document) return snapshot(Math.max(run.goal(), DocumentState.Checked), result);
            let last = snapshot(DocumentState.Parsed, result);
            if (run.from < DocumentState.Checked) {
                stage = 'checking';
                await yieldToEventLoop(token);
                const fast = await this.engine.analyzeDocument(document, analyzeOptions(run.settings, ['fast'], token));
                throwIfCancelled(token);
                lap('check');
                const carried = run.carry ? carryMappingProblems(run.carry, document, this.engine.registry) : [];
                last = snapshot(DocumentState.Checked, { ...fast, problems: [...loaded.problems, ...fast.problems, ...carried] });
                result = last.result;
            }
            if (run.goal() < DocumentState.Mapped) return last;
            stage = 'mapping';
            await yieldToEventLoop(token);
            const full = await this.engine.analyzeDocument(document, analyzeOptions(run.settings, ['fast', 'slow'], token));
            throwIfCancelled(token);
            lap('map');
            return snapshot(DocumentState.Mapped, { ...full, problems: [...loaded.problems, ...full.problems] });
        } catch (error) {
            if (isCancellation(error)) throw error;
            this.log.error(`nirmesh: ${stage} ${input.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            const failed = { ...result, problems: [...result.problems, internalError(stage, error)] };
            return snapshot(Math.max(run.goal(), DocumentState.Checked), failed);
        }
    }
}

/** The engine options the settings ask for. */
export function analyzeOptions(settings: ServerSettings, categories: readonly CheckCategory[], token: CancellationToken): AnalyzeOptions {
    return { target: settings.target, categories, token, neuronsPerCore: settings.neuronsPerCore, timeUnit: settings.timeUnit };
}
