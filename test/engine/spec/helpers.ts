import type { NodeKind, ParamKind, ParamSpec } from '../../../engine/src/index.js';
import { parseSpec, type SpecParseOptions, type SpecParseResult } from '../../../engine/src/spec/parse-spec.js';

/** A text with «marked» ranges: the text without the markers and each marked span, in order. */
export function marked(source: string): { text: string; spans: { start: number; end: number }[] } {
    const spans: { start: number; end: number }[] = [];
    let text = '';
    const open: number[] = [];
    for (const ch of source) {
        if (ch === '«') open.push(text.length);
        else if (ch === '»') spans.push({ start: open.pop() as number, end: text.length });
        else text += ch;
    }
    spans.sort((a, b) => a.start - b.start);
    return { text, spans };
}

function kind(id: string, category: NodeKind['category'], params: [string, ParamKind][]): NodeKind {
    const specs: ParamSpec[] = params.map(([name, k]) => ({ name, kind: k, required: true, doc: name }));
    return { id, category, summary: id, params: specs, stateful: false, spiking: false, shapes: () => ({}) };
}

/** A few node kinds with the parameter kinds of NIR's, so these tests do not depend on the registry. */
export const TEST_KINDS: ReadonlyMap<string, NodeKind> = new Map(
    [
        kind('Input', 'io', [['shape', 'shape']]),
        kind('Output', 'io', [['shape', 'shape']]),
        kind('NIRGraph', 'graph', []),
        kind('Affine', 'linear', [['weight', 'tensor'], ['bias', 'tensor']]),
        kind('Linear', 'linear', [['weight', 'tensor']]),
        kind('LIF', 'neuron', [['tau', 'tensor'], ['r', 'tensor'], ['v_leak', 'tensor'], ['v_threshold', 'tensor'], ['v_reset', 'tensor']]),
        kind('Conv2d', 'conv', [['input_shape', 'shape'], ['weight', 'tensor'], ['stride', 'int-or-pair'], ['padding', 'padding'], ['dilation', 'int-or-pair'], ['groups', 'int'], ['bias', 'tensor']]),
        kind('Flatten', 'other', [['input_type', 'shape'], ['start_dim', 'int'], ['end_dim', 'int']]),
    ].map((k) => [k.id, k]),
);

/** Parses with the test kinds. */
export function parse(text: string, options: SpecParseOptions = {}): SpecParseResult {
    return parseSpec(text, { nodeKinds: (type) => TEST_KINDS.get(type), ...options });
}

/** Wraps node lines (already indented by 4) into a graph spec. */
export function graph(nodes: string, edges = ''): string {
    return `node:\n  type: NIRGraph\n  nodes:\n${nodes}${edges ? `  edges:\n${edges}` : ''}`;
}

/** The problems as [code, marked text] pairs, for compact assertions. */
export function codesAndTexts(result: SpecParseResult, text: string): [string, string][] {
    return result.problems.map((p) => [p.code, text.slice(p.origin.span?.start ?? 0, p.origin.span?.end ?? 0)]);
}

/** A minimal .npy v1 file. */
export function npyBytes(descr: string, shape: number[], body: Uint8Array, fortran = false): Uint8Array {
    let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
    while ((10 + header.length + 1) % 64 !== 0) header += ' ';
    header += '\n';
    const out = new Uint8Array(10 + header.length + body.length);
    out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
    for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
    out.set(body, 10 + header.length);
    return out;
}
