import type { GraphAnalysis } from '../../../engine/src/index.js';
import { analyzeGraph, createEngine } from '../../../engine/src/index.js';

/**
 * Reads a spec text with the engine (failing the test on any reading error) and returns its graph
 * analysis, as the mapper and the checks receive it.
 */
export async function analyseSpec(text: string): Promise<GraphAnalysis> {
    const engine = createEngine();
    const loaded = await engine.load({ kind: 'spec', text });
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (!loaded.document || errors.length > 0) throw new Error(`spec did not load: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
    return analyzeGraph(loaded.document, engine.registry);
}
