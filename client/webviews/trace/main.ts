/**
 * The trace view's browser bundle (`dist/webview-trace.js`). In a VS Code webview it says it is
 * ready and then renders what the extension posts; in the page of `nirmesh run --html` it renders
 * the trace embedded in the page.
 *
 * Invariants of this folder:
 * - Rendering is a function of plain data (the protocol's `TraceViewRun` and chunks); nothing here
 *   fetches, and of the project nothing but `protocol/` is imported.
 * - Every text reaches the DOM through `textContent` or a canvas; node names are user input.
 * - Pure parts (store, windows, raster, rates, ticks) take no DOM, so unit tests run them in Node.
 */
import { TRACE_DATA_ELEMENT_ID, type EmbeddedTrace, type FromTraceViewMessage, type ToTraceViewMessage } from '../../../protocol/index.js';
import { TraceView, type TraceViewHost, type TraceViewState } from './trace-view.js';

interface VsCodeApi {
    postMessage(message: FromTraceViewMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const root = document.createElement('div');
root.id = 'trace-root';
document.body.appendChild(root);

function showFailure(message: string): void {
    const p = document.createElement('p');
    p.className = 'status error';
    p.textContent = message;
    root.replaceChildren(p);
}

/** Inside VS Code: a ready handshake, then the run and its chunks as messages. */
function runInWebview(api: VsCodeApi): void {
    let view: TraceView | undefined;
    const host: TraceViewHost = {
        savePng: (dataUrl) => api.postMessage({ kind: 'savePng', dataUrl }),
        saveState: (state) => api.setState(state),
    };
    const saveNirData = (): void => api.postMessage({ kind: 'saveNirData' });
    window.addEventListener('message', (event: MessageEvent<ToTraceViewMessage>) => {
        const message = event.data;
        try {
            if (message.kind === 'run') view = new TraceView(root, message.run, message.canSaveNirData ? { ...host, saveNirData } : host, api.getState() as TraceViewState | undefined);
            else if (message.kind === 'chunk') view?.addChunk(message.chunk);
            else if (message.kind === 'error' && view) view.showError(message.message);
            else if (message.kind === 'error') showFailure(message.message);
        } catch (error) {
            showFailure(`The trace could not be shown: ${error instanceof Error ? error.message : String(error)}`);
        }
    });
    api.postMessage({ kind: 'ready' });
}

/** In the page of `nirmesh run --html`: the embedded trace; PNGs are saved as downloads. */
function runStandalone(): void {
    const data = document.getElementById(TRACE_DATA_ELEMENT_ID)?.textContent;
    if (!data) return showFailure('This page holds no trace.');
    const trace = JSON.parse(data) as EmbeddedTrace;
    const host: TraceViewHost = {
        savePng: (dataUrl) => {
            const link = document.createElement('a');
            link.href = dataUrl;
            link.download = `${trace.run.source.replace(/[^\w.-]+/g, '_')}-trace.png`;
            link.click();
        },
    };
    const view = new TraceView(root, trace.run, host);
    for (const chunk of trace.chunks) view.addChunk(chunk);
}

if (typeof acquireVsCodeApi === 'function') runInWebview(acquireVsCodeApi());
else runStandalone();
