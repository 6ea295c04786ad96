import { readdir } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { hasErrors, resolveTarget, type Engine } from '../../../engine/src/index.js';
import { EXPORT_REQUEST, type ExportParams, type ExportReport } from '../../../protocol/index.js';
import { writeExportedFiles } from '../../../host/write-export.js';
import { guard } from '../guard.js';
import { snapshotDiagnostics } from './diagnostics.js';
import { mappedSnapshot, toDiagnosticWire } from './map-request.js';
import type { ServerCore } from './server-core.js';

/**
 * Maps a document (as `nirmesh/map`) and, when it fits, writes it with the named exporter into
 * `outDir`; a directory that is not empty is written into only with `force`. Nothing is written
 * when the network does not fit or the exporter refuses it; the report says why.
 */
async function exportDocument(core: ServerCore, engine: Engine, params: ExportParams, token: CancellationToken): Promise<ExportReport> {
    if (typeof params?.outDir !== 'string' || !isAbsolute(params.outDir)) throw new ResponseError(ErrorCodes.InvalidParams, 'nirmesh/export: outDir must be an absolute path');
    const exporter = engine.registry.exporters.get(params.exporter ?? 'py-spinnaker2');
    if (!exporter) throw new ResponseError(ErrorCodes.InvalidParams, `nirmesh/export: no exporter '${params.exporter}'`);
    const progress = core.connection.window.attachWorkDoneProgress(params.workDoneToken);
    const { snapshot, target: targetId } = await mappedSnapshot(core, params, token, progress);
    const base = { uri: snapshot.uri, version: snapshot.version, target: targetId, diagnostics: snapshotDiagnostics(core, snapshot).map(toDiagnosticWire) };
    const { analysis, mapping } = snapshot.result;
    const target = snapshot.result.target ?? resolveTarget(engine.registry, targetId).target;
    if (!analysis || !mapping || !target || hasErrors(snapshot.problems)) {
        return { ...base, blocked: true, files: [], reason: `the network does not fit ${targetId}; the diagnostics say why` };
    }
    const existing = await readdir(params.outDir).catch(() => []);
    if (existing.length > 0 && !params.force) return { ...base, blocked: true, files: [], reason: `${params.outDir} is not empty` };
    const result = await exporter.export({
        analysis, target, mapping, steps: mapping.steps ?? 1000, sourceName: basename(snapshot.uri), neuronModels: engine.registry.neuronModels,
    });
    if (hasErrors(result.problems)) return { ...base, blocked: true, files: [], reason: result.problems.map((p) => p.message).join(' ') };
    await writeExportedFiles(params.outDir, result.files);
    return { ...base, blocked: false, files: result.files.map((f) => f.path) };
}

/** Registers `nirmesh/export` (guarded; `$/progress` when the client passes a `workDoneToken`). */
export function registerExportRequest(core: ServerCore, engine: Engine): void {
    core.connection.onRequest(EXPORT_REQUEST, guard(core.log, EXPORT_REQUEST, (params: ExportParams, token: CancellationToken) => exportDocument(core, engine, params, token)));
}
