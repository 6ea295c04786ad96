import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LineIndex, type GraphAnalysis } from '../../engine/src/index.js';
import { PLACEMENT_ASSETS, type PlacementViewData, type PlacementWire } from '../../protocol/index.js';
import { toGraphWire } from '../../host/graph-wire.js';
import { readWebviewAsset } from '../../host/webview-assets.js';
import { placementPageHtml } from '../../client/webviews/placement/placement-page.js';
import { UsageError } from './cli-context.js';
import type { JsonDiagnostic } from './diagnostic-report.js';
import type { SourceFile } from './load-source.js';

/** What the page of `map --html` shows. */
export interface PlacementReportInput {
    readonly file: SourceFile;
    readonly target: string;
    readonly analysis: GraphAnalysis | undefined;
    readonly placement: PlacementWire | null;
    readonly diagnostics: readonly JsonDiagnostic[];
}

/** The placement view's data for a file, with line/column from the CLI's `LineIndex`. */
export function placementViewData(input: PlacementReportInput): PlacementViewData {
    const index = input.file.text !== undefined ? new LineIndex(input.file.text) : undefined;
    return {
        title: basename(input.file.path),
        target: input.target,
        graph: input.analysis ? toGraphWire(input.analysis, (span) => (index ? { start: index.positionAt(span.start), end: index.positionAt(span.end) } : null)) : null,
        placement: input.placement,
        problems: {
            errors: input.diagnostics.filter((d) => d.severity === 'error').length,
            warnings: input.diagnostics.filter((d) => d.severity === 'warning').length,
        },
    };
}

/**
 * Writes the placement view as one self-contained HTML page (`map --html FILE`): the view's script,
 * ELK's worker and the data inline, under a Content-Security-Policy that allows nothing remote.
 */
export function writePlacementHtml(path: string, cwd: string, input: PlacementReportInput): void {
    const script = readWebviewAsset(PLACEMENT_ASSETS.script, cwd);
    const worker = readWebviewAsset(PLACEMENT_ASSETS.elkWorker, cwd);
    if (script === undefined || worker === undefined) throw new UsageError('map: --html needs the built placement view (dist/webview-placement.js); run npm run build');
    const html = placementPageHtml({
        title: `${basename(input.file.path)}: placement on ${input.target}`,
        nonce: randomBytes(18).toString('base64'),
        cspSource: null,
        script: { inline: script },
        elkWorker: { inline: worker },
        data: placementViewData(input),
    });
    const target = resolve(cwd, path);
    try {
        writeFileSync(target, html);
    } catch (error) {
        throw new UsageError(`map: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}
