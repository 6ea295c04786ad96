import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { AnalyzeOptions, AnalyzeResult, Engine, LoadResult, NirDocument, SourceInput } from '../../../engine/src/index.js';
import { DocumentStore, LoadCache, Pipeline, specInput } from '../../../server/src/documents/index.js';
import { MAP_IDLE_MS, Scheduler } from '../../../server/src/scheduler.js';
import { DocumentState, type DocumentSnapshot, type ServerSettings } from '../../../server/src/server-context.js';
import { DEFAULT_SETTINGS } from '../../../server/src/settings.js';

const URI = 'file:///specs/net.nir.yaml';

/** A document whose root records the text it was read from. */
function documentOf(text: string): NirDocument {
    const origin = { path: '/node' };
    return { root: { name: '', type: 'NIRGraph', params: new Map(), metadata: { kind: 'dict', entries: new Map(), origin }, origin, typeOrigin: origin, nodes: new Map(), edges: [] }, version: text };
}

/**
 * An engine double whose analyses finish when the test says so (`finishNext`), or at once with
 * `autoFinish`, recording every call. One problem per analysis names the text and the categories.
 */
class ControlledEngine {
    loads: string[] = [];
    analyses: { text: string; categories: readonly string[]; target?: AnalyzeOptions['target'] }[] = [];
    autoFinish = true;
    failWith?: Error;
    private pending: (() => void)[] = [];
    private started: (() => void)[] = [];

    /** Resolves when the next analysis starts. */
    analysisStarted(): Promise<void> {
        return new Promise((resolve) => this.started.push(resolve));
    }

    async load(input: SourceInput): Promise<LoadResult> {
        const text = input.kind === 'spec' ? input.text : '';
        this.loads.push(text);
        return { document: documentOf(text), problems: [] };
    }

    async analyzeDocument(document: NirDocument, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
        const text = document.version ?? '';
        const categories = options.categories ?? ['fast'];
        this.analyses.push({ text, categories, target: options.target });
        this.started.shift()?.();
        if (!this.autoFinish) await new Promise<void>((resolve) => this.pending.push(resolve));
        if (this.failWith) throw this.failWith;
        const problem = { code: 'engine/internal-error', severity: 'error' as const, message: `${text}|${categories.join('+')}`, origin: { path: '/' } };
        return { document, problems: [problem] };
    }

    finishNext(): void {
        this.pending.shift()?.();
    }
}

function setup(settings: Partial<ServerSettings> = {}) {
    const engine = new ControlledEngine();
    // Mapping on save unless a test says otherwise, so that no idle mapping runs behind its back.
    const current: { value: ServerSettings } = { value: { ...DEFAULT_SETTINGS, validationDelayMs: 0, mapOn: 'save', ...settings } };
    const store = new DocumentStore();
    const log = { error: (message: string) => errors.push(message) };
    const errors: string[] = [];
    const asEngine = engine as unknown as Engine;
    const pipeline = new Pipeline(asEngine, new LoadCache(asEngine), log);
    const scheduler = new Scheduler({ store, pipeline, settings: () => current.value, ready: Promise.resolve(), log });
    const accepted: DocumentSnapshot[] = [];
    store.onSnapshot((s) => accepted.push(s));
    let version = 0;
    /** Opens or edits the document the way the sync handler does. */
    const edit = (text: string, trigger: 'open' | 'edit' = version === 0 ? 'open' : 'edit') => {
        version++;
        store.update(specInput(TextDocument.create(URI, 'nir-yaml', version, text)));
        scheduler.schedule(URI, trigger);
        return version;
    };
    /** Resolves with the next accepted snapshot that satisfies `predicate`. */
    const next = (predicate: (s: DocumentSnapshot) => boolean) =>
        new Promise<DocumentSnapshot>((resolve) => store.onSnapshot((s) => predicate(s) && resolve(s)));
    return { engine, current, store, scheduler, accepted, edit, next, errors };
}

const messages = (s: DocumentSnapshot | undefined) => s?.problems.map((p) => p.message);

describe('Scheduler', () => {
    it('drops the result of an analysis that a newer edit superseded, and analyses the newest text', async () => {
        const { engine, edit, next, accepted } = setup();
        engine.autoFinish = false;
        const started = engine.analysisStarted();
        edit('v1');
        await started; // v1 is being checked now
        const checked = next((s) => s.state === DocumentState.Checked);
        edit('v2');
        engine.finishNext(); // v1's analysis comes back after the edit
        engine.autoFinish = true;
        engine.finishNext();
        const snapshot = await checked;
        expect(snapshot.version).toBe(2);
        expect(messages(snapshot)).toEqual(['v2|fast']);
        expect(accepted.filter((s) => s.state >= DocumentState.Checked).map((s) => s.version)).toEqual([2]);
    });

    it('debounces a burst of edits into one analysis of the last one', async () => {
        const { engine, edit, next } = setup({ validationDelayMs: 20 });
        edit('v1');
        await next((s) => s.state === DocumentState.Checked);
        for (let i = 2; i <= 6; i++) edit(`v${i}`);
        const snapshot = await next((s) => s.state === DocumentState.Checked);
        expect(snapshot.version).toBe(6);
        expect(engine.analyses.map((a) => a.text)).toEqual(['v1', 'v6']);
    });

    it('maps by default once the checked text is left alone, and an edit before then maps only the newer text', async () => {
        expect(DEFAULT_SETTINGS.mapOn).toBe('idle');
        const { engine, edit, next, scheduler } = setup({ mapOn: 'idle' });
        edit('v1');
        await next((s) => s.state === DocumentState.Checked);
        edit('v2'); // within MAP_IDLE_MS of v1's check: v1 is never mapped
        const mapped = await next((s) => s.state === DocumentState.Mapped);
        expect([mapped.version, messages(mapped)]).toEqual([2, ['v2|fast+slow']]);
        expect(engine.analyses.map((a) => `${a.text}|${a.categories.join('+')}`)).toEqual(['v1|fast', 'v2|fast', 'v2|fast+slow']);
        scheduler.schedule(URI, 'save'); // already mapped: nothing more to do
        await scheduler.whenReady(URI, DocumentState.Mapped);
        expect(engine.analyses).toHaveLength(3);
        scheduler.dispose();
    });

    it('waits MAP_IDLE_MS after the check before an idle mapping, and maps at once on save', async () => {
        const { engine, edit, next, scheduler } = setup({ mapOn: 'idle' });
        edit('v1');
        const checkedAt = await next((s) => s.state === DocumentState.Checked).then(() => performance.now());
        await next((s) => s.state === DocumentState.Mapped);
        expect(performance.now() - checkedAt).toBeGreaterThanOrEqual(MAP_IDLE_MS - 5);
        edit('v2');
        await next((s) => s.state === DocumentState.Checked);
        scheduler.schedule(URI, 'save');
        await next((s) => s.state === DocumentState.Mapped && s.version === 2);
        expect(engine.analyses.map((a) => a.categories.join('+'))).toEqual(['fast', 'fast+slow', 'fast', 'fast+slow']);
        scheduler.dispose();
    });

    it('maps on save with mapOn "save", not on edit', async () => {
        const { engine, edit, next, scheduler } = setup();
        edit('v1');
        await next((s) => s.state === DocumentState.Checked);
        scheduler.schedule(URI, 'save');
        const mapped = await next((s) => s.state === DocumentState.Mapped);
        expect(messages(mapped)).toEqual(['v1|fast+slow']);
        expect(engine.loads).toEqual(['v1']); // the save reused the parse
        edit('v2');
        await next((s) => s.state === DocumentState.Checked);
        expect(engine.analyses.map((a) => a.categories.join('+'))).toEqual(['fast', 'fast+slow', 'fast']);
    });

    it('maps on every change with mapOn "change", and never on save with mapOn "never"', async () => {
        const eager = setup({ mapOn: 'change' });
        eager.edit('v1');
        expect(messages(await eager.next((s) => s.state === DocumentState.Mapped))).toEqual(['v1|fast+slow']);
        const lazy = setup({ mapOn: 'never' });
        lazy.edit('v1');
        await lazy.next((s) => s.state === DocumentState.Checked);
        lazy.scheduler.schedule(URI, 'save');
        await lazy.scheduler.whenReady(URI, DocumentState.Checked);
        expect(lazy.engine.analyses.map((a) => a.categories.join('+'))).toEqual(['fast']);
    });

    it('extends a running check to the mapping when the document is saved meanwhile', async () => {
        const { engine, edit, next, scheduler } = setup();
        engine.autoFinish = false;
        const started = engine.analysisStarted();
        edit('v1');
        await started;
        scheduler.schedule(URI, 'save');
        engine.autoFinish = true;
        engine.finishNext();
        expect(messages(await next((s) => s.state === DocumentState.Mapped))).toEqual(['v1|fast+slow']);
    });

    it('whenReady skips the debounce, and waiting for Mapped maps whatever mapOn says', async () => {
        const { edit, scheduler } = setup({ validationDelayMs: 60_000, mapOn: 'never' });
        edit('v1');
        edit('v2');
        const checked = await scheduler.whenReady(URI, DocumentState.Checked);
        expect(checked?.version).toBe(2);
        const mapped = await scheduler.whenReady(URI, DocumentState.Mapped);
        expect(messages(mapped)).toEqual(['v2|fast+slow']);
    });

    it('rejects a wait whose token fires, and resolves waits with undefined when the document closes', async () => {
        const { engine, edit, scheduler, store } = setup();
        engine.autoFinish = false;
        edit('v1');
        const source = new CancellationTokenSource();
        const cancelled = scheduler.whenReady(URI, DocumentState.Checked, source.token);
        source.cancel();
        await expect(cancelled).rejects.toThrow('operation cancelled');
        const waiting = scheduler.whenReady(URI, DocumentState.Checked);
        scheduler.forget(URI);
        store.close(URI);
        expect(await waiting).toBeUndefined();
        expect(await scheduler.whenReady('file:///not/open.nir.yaml', DocumentState.Checked)).toBeUndefined();
    });

    it('re-analyses without re-reading after a settings change, and drops results computed with the old settings', async () => {
        const { engine, edit, next, scheduler, current, accepted } = setup();
        engine.autoFinish = false;
        const started = engine.analysisStarted();
        edit('v1');
        await started;
        current.value = { ...current.value, target: 'spinnaker2-chip' };
        const checked = next((s) => s.state === DocumentState.Checked);
        scheduler.refresh([URI]);
        engine.finishNext(); // the analysis with the old target
        engine.autoFinish = true;
        engine.finishNext();
        await checked;
        expect(engine.loads).toEqual(['v1']);
        expect(engine.analyses.map((a) => a.target)).toEqual(['spinnaker2-board48', 'spinnaker2-chip']);
        expect(accepted.filter((s) => s.state === DocumentState.Checked)).toHaveLength(1);
    });

    it('reuses the parse when an edit restores the same text', async () => {
        const { engine, edit, next } = setup();
        edit('same');
        await next((s) => s.state === DocumentState.Checked);
        edit('same');
        await next((s) => s.state === DocumentState.Checked && s.version === 2);
        expect(engine.loads).toEqual(['same']);
    });

    it('turns an engine failure into an engine/internal-error at the goal state, so waiters still resolve', async () => {
        const { engine, edit, scheduler, errors } = setup();
        engine.failWith = new Error('boom');
        edit('v1');
        const snapshot = await scheduler.whenReady(URI, DocumentState.Checked);
        expect(snapshot?.problems.map((p) => [p.code, p.message])).toEqual([['engine/internal-error', 'checking failed: boom']]);
        expect(errors.join('\n')).toContain('boom');
    });
});

describe('DocumentStore', () => {
    it('accepts a snapshot only for the current generation', () => {
        const store = new DocumentStore();
        const input = specInput(TextDocument.create(URI, 'nir-yaml', 1, 'a'));
        const generation = store.update(input);
        const snapshot: DocumentSnapshot = { uri: URI, version: 1, format: 'spec', state: DocumentState.Checked, result: { problems: [] }, problems: [] };
        store.invalidate(URI);
        expect(store.accept(generation, snapshot)).toBe(false);
        expect(store.current(URI)).toBeUndefined();
        expect(store.accept(generation + 1, snapshot)).toBe(true);
        expect(store.ready(URI, DocumentState.Checked)).toBe(snapshot);
        expect(store.ready(URI, DocumentState.Mapped)).toBeUndefined();
    });

    it('keeps its snapshot text fixed while the editor document changes in place', () => {
        const live = TextDocument.create(URI, 'nir-yaml', 1, 'node: {}');
        const input = specInput(live);
        TextDocument.update(live, [{ text: 'changed' }], 2);
        expect(input.textDocument.getText()).toBe('node: {}');
        expect(input.version).toBe(1);
    });
});
