import elkApi from 'elkjs/lib/elk-api.js';
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import { ELK_WORKER_ELEMENT_ID } from '../../../protocol/index.js';
import { elkGraphOf, readLayout, type GraphLayout } from './elk-graph.js';
import type { VisibleGraph } from './visible-graph.js';

/** elkjs is CommonJS whose `module.exports` is the class; its typings call that `default`. */
const ElkConstructor = elkApi as unknown as new (args?: ELKConstructorArguments) => ELK;

/** The worker's source as a `blob:` URL: inline text, or fetched from the element's `data-src`. */
async function workerUrl(): Promise<string> {
    const element = document.getElementById(ELK_WORKER_ELEMENT_ID);
    if (!element) throw new Error('the page has no ELK worker');
    const src = element.dataset.src;
    const code = src ? await (await fetch(src)).text() : (element.textContent ?? '');
    return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

/**
 * Lays graphs out with ELK in a Web Worker, off the UI thread, and caches the layouts by structure
 * key: a graph whose structure did not change (an edit of a parameter) is never laid out again.
 */
export class LayoutClient {
    private elk: Promise<ELK> | undefined;
    private readonly cache = new Map<string, GraphLayout>();
    /** How many layouts ELK has computed (the view reports it, for tests and benchmarks). */
    computed = 0;

    /** Seeds the cache with a layout restored from the webview's saved state. */
    remember(layout: GraphLayout): void {
        this.cache.set(layout.key, layout);
    }

    cached(key: string): GraphLayout | undefined {
        return this.cache.get(key);
    }

    /** Starts the worker (ELK takes a while to load), so that it is ready when the data arrives. */
    warm(): void {
        this.elk ??= workerUrl().then((url) => {
            const elk = new ElkConstructor({ workerFactory: () => new Worker(url) });
            void elk.knownLayoutAlgorithms().catch(() => undefined);
            return elk;
        });
    }

    async layout(key: string, visible: VisibleGraph): Promise<GraphLayout> {
        const known = this.cache.get(key);
        if (known) return known;
        this.warm();
        const elk = await this.elk;
        if (!elk) throw new Error('no layout worker');
        const laidOut = await elk.layout(elkGraphOf(visible));
        const layout = readLayout(key, laidOut);
        this.computed++;
        this.cache.set(key, layout);
        return layout;
    }
}
