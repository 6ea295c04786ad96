import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver';
import { NO_TARGET_ID, throwIfCancelled } from '../../../engine/src/index.js';
import { MAP_METHOD, type DiagnosticWire, type MapParams, type MapReport } from '../../../protocol/index.js';
import { toGraphWire } from '../../../host/graph-wire.js';
import { toPlacementWire } from '../../../host/placement-wire.js';
import { originRange } from '../convert/index.js';
import { DocumentState, type DocumentSnapshot } from '../server-context.js';
import { invalidParams, readUntracked } from './untracked-document.js';
import { guard } from '../guard.js';
import { snapshotDiagnostics } from './diagnostics.js';
import type { ServerCore } from './server-core.js';

const STAGE_PROGRESS: Readonly<Record<number, [number, string]>> = {
    [DocumentState.Parsed]: [30, 'checking'],
    [DocumentState.Checked]: [50, 'mapping'],
    [DocumentState.Mapped]: [100, 'done'],
};

/** A published diagnostic in its wire form (LSP allows a markup message; ours are plain text). */
function toDiagnosticWire(d: Diagnostic): DiagnosticWire {
    return { ...d, message: typeof d.message === 'string' ? d.message : d.message.value };
}

/**
 * Maps one document and returns its placement report. An open document is mapped at its newest
 * version through the pipeline (reusing what is already done), and the result becomes the
 * document's `Mapped` snapshot, published like any other, unless the request named another
 * target; a file that is not open is read from disk for this request only.
 */
async function mapDocument(core: ServerCore, params: MapParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<MapReport> {
    if (typeof params?.uri !== 'string') throw invalidParams('nirmesh/map: params must be { uri: string, target?: string }');
    if (params.target !== undefined && (typeof params.target !== 'string' || params.target.trim() === '')) throw invalidParams('nirmesh/map: target must be a target id');
    await core.settings.ready;
    const base = core.settings.current();
    const settings = params.target ? { ...base, target: params.target.trim() } : base;
    if (settings.target === NO_TARGET_ID) throw invalidParams(`nirmesh/map: mapping needs a hardware target, and the target is '${NO_TARGET_ID}'`);

    const { store, pipeline } = core;
    const tracked = store.input(params.uri);
    const keep = tracked !== undefined && settings.target === base.target;
    const generation = store.generation(params.uri);
    let forgetAfter: string | undefined;
    progress.begin('NIRmesh: mapping', 0, 'reading');
    try {
        let snapshot: DocumentSnapshot | undefined = keep ? store.ready(params.uri, DocumentState.Mapped) : undefined;
        if (!snapshot) {
            const input = tracked ?? (await readUntracked(MAP_METHOD, params.uri));
            if (!tracked) forgetAfter = params.uri;
            snapshot = await pipeline.run({
                input,
                settings,
                goal: () => DocumentState.Mapped,
                from: keep ? (store.ready(params.uri, DocumentState.Changed)?.state ?? DocumentState.Changed) : DocumentState.Changed,
                filesEpoch: core.scheduler.referencedFilesEpoch,
                token,
                emit: (made) => {
                    const [percentage, message] = STAGE_PROGRESS[made.state] ?? [0, ''];
                    progress.report(percentage, message);
                    if (keep) store.accept(generation, made);
                },
            });
        }
        throwIfCancelled(token); // a cancelled request is answered RequestCancelled even if the work got done
        const { mapping, analysis, target } = snapshot.result;
        const textDocument = snapshot.textDocument;
        return {
            uri: snapshot.uri,
            version: snapshot.version,
            target: settings.target,
            diagnostics: snapshotDiagnostics(core, snapshot).map(toDiagnosticWire),
            blocked: mapping === undefined,
            graph: analysis ? toGraphWire(analysis, (span) => (textDocument ? originRange({ path: '', span }, textDocument) : null)) : null,
            placement: mapping ? toPlacementWire(mapping, target) : null,
        };
    } finally {
        progress.done();
        if (forgetAfter) core.cache.forget(forgetAfter);
    }
}

/** Registers `nirmesh/map` (guarded; `$/progress` when the client passes a `workDoneToken`). */
export function registerMapRequest(core: ServerCore): void {
    const { connection, log } = core;
    connection.onRequest(
        MAP_METHOD,
        guard(log, MAP_METHOD, (params: MapParams, token: CancellationToken) =>
            mapDocument(core, params, token, connection.window.attachWorkDoneProgress(params?.workDoneToken)),
        ),
    );
}
