import type { NodeKind, ParamSpec } from '../../plugins/node-kind.js';
import type { NirNodeKind } from './nir-node-kind.js';

/**
 * Markdown documentation of node kinds from the registry: one section per kind (summary,
 * equation, parameters with kinds, units and defaults, shape rule). `docs/node-kinds.md` is this
 * text for the NIR kinds; hover can show one section.
 */

const KIND_WORDS: Readonly<Record<ParamSpec['kind'], string>> = {
    tensor: 'array',
    int: 'int',
    'int-or-pair': 'int or [h, w]',
    padding: 'int, [h, w], same or valid',
    shape: 'shape',
};

function paramRow(param: ParamSpec): string {
    const status = param.required ? 'required' : param.defaultValue !== undefined ? `default ${param.defaultValue}` : 'inferred when absent';
    const legacy = param.legacy ? ' (older files lack it)' : '';
    return `| \`${param.name}\` | ${KIND_WORDS[param.kind]} | ${param.unit ?? ''} | ${status}${legacy} | ${param.doc.replace(/\|/g, '\\|')} |`;
}

/** One kind's section: heading, summary, equation, parameter table and shape rule. */
export function kindMarkdown(kind: NodeKind): string {
    const lines = [`## ${kind.id}`, '', kind.summary, ''];
    if (kind.equation) lines.push(`Equation: \`${kind.equation}\``, '');
    const traits = kind.category === 'graph' ? [] : [kind.stateful ? 'stateful (holds state across ticks)' : 'instantaneous', kind.spiking ? 'emits spikes' : 'emits values'];
    lines.push(`Category: ${[kind.category, ...traits].join('; ')}.`, '');
    if (kind.params.length > 0) {
        lines.push('| parameter | kind | unit | presence | meaning |', '|---|---|---|---|---|', ...kind.params.map(paramRow), '');
    }
    const shapeRule = (kind as Partial<NirNodeKind>).shapeRule;
    if (shapeRule) lines.push(`Shapes: ${shapeRule}`, '');
    return lines.join('\n');
}

/** The whole `docs/node-kinds.md` for a list of kinds. */
export function nodeKindsMarkdown(kinds: readonly NodeKind[]): string {
    const header = [
        '# NIR node kinds',
        '',
        '<!-- Generated from the engine\'s registry (engine/src/nir/kinds/kind-docs.ts); test/engine/kinds/node-kinds-doc.test.ts',
        '     keeps it in sync: run it with UPDATE_DOCS=1 to rewrite this file. -->',
        '',
        'The 19 node types of NIR 1.0.x. Units are NIR\'s nominal ones (τ in ms, R in Ω, voltages in mV);',
        'real exporters often store seconds, so units are not enforced. Arrays are per element: every',
        'per-element parameter of a node has the node\'s shape (in a spec a scalar broadcasts to it).',
        'Time runs in ticks: a stateful node holds state across ticks, and an edge into it carries one',
        'tick of delay (the node reads what its inputs sent in the previous tick); every other node',
        'computes within the tick, so a cycle needs a stateful node on it.',
        'Defaults are never inserted into a document: a missing optional parameter takes its default',
        'where it is used. The two that files of older NIR versions lack, `v_reset` (IF, LIF, CubaLIF)',
        'and `w_in` (CubaLI, CubaLIF), are reported as a `nir/legacy-default` info when absent.',
        '',
    ];
    return [...header, ...kinds.map(kindMarkdown)].join('\n');
}
