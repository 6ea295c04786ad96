import type { NirDocument, Problem } from '../../../engine/src/index.js';
import { createEngine } from '../../../engine/src/index.js';
import { chain, ints, nirDocument, nirNode, zerosOf, type NodeBuilder } from '../../helpers/build-nir.js';

const engine = createEngine();

/** Every problem the engine reports for a document under `--target none`. */
export async function problemsOf(doc: NirDocument): Promise<Problem[]> {
    return [...(await engine.analyzeDocument(doc, { target: 'none' })).problems];
}

/** The problems with one code. */
export async function problemsWith(doc: NirDocument, code: string): Promise<Problem[]> {
    return (await problemsOf(doc)).filter((p) => p.code === code);
}

/** A complete LIF population of `n` neurons (with v_reset, so no legacy note). */
export function lif(n: number, extra: Record<string, ReturnType<typeof zerosOf>> = {}): NodeBuilder {
    return nirNode('LIF', { tau: zerosOf([n]), r: zerosOf([n]), v_leak: zerosOf([n]), v_threshold: zerosOf([n]), v_reset: zerosOf([n]), ...extra });
}

/** An Affine map from `inp` to `out` elements. */
export function affine(out: number, inp: number): NodeBuilder {
    return nirNode('Affine', { weight: zerosOf([out, inp]), bias: zerosOf([out]) });
}

/** The valid base graph the tests vary: input[4] → fc → lif[8] → output[8]. */
export function baseNodes(): Record<string, NodeBuilder> {
    return { input: nirNode('Input', { shape: ints([4]) }), fc: affine(8, 4), lif: lif(8), output: nirNode('Output', { shape: ints([8]) }) };
}

/** The base graph as a document, with `changes` applied to its nodes (a chain in key order). */
export function baseDocument(changes: Record<string, NodeBuilder> = {}): NirDocument {
    return nirDocument(chain({ ...baseNodes(), ...changes }));
}
