/**
 * The TextMate injection's patterns, run with JavaScript regular expressions (they use only the
 * syntax Oniguruma and JavaScript share) and a small scanner that applies a pattern list as
 * TextMate does: the earliest match wins, ties go to the first pattern.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
    match?: string;
    name?: string;
    captures?: Record<string, { name: string }>;
    begin?: string;
    end?: string;
    patterns?: { include: string }[];
}
const grammar = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'syntaxes', 'nir-yaml.injection.tmLanguage.json'), 'utf8')) as {
    patterns: { include: string }[];
    repository: Record<string, Rule & { patterns?: Rule[] }>;
};
const repo = grammar.repository;

/** The node-type rule on one line: [key, type value] or undefined. */
function nodeType(line: string): [string, string] | undefined {
    const match = new RegExp(repo['node-type'].match as string, 'g').exec(line);
    return match ? [match[2], match[4]] : undefined;
}

/** Tokens of one line inside the edges region: [text, scope] for every named match or capture. */
function edgeTokens(line: string): [string, string][] {
    const rules = (repo['edge-parts'].patterns as Rule[]).map((rule) => ({ rule, regex: new RegExp(rule.match as string, 'g') }));
    const tokens: [string, string][] = [];
    for (let pos = 0; pos < line.length;) {
        let best: { rule: Rule; match: RegExpExecArray } | undefined;
        for (const { rule, regex } of rules) {
            regex.lastIndex = pos;
            const match = regex.exec(line);
            if (match && match[0].length > 0 && (!best || match.index < best.match.index)) best = { rule, match };
        }
        if (!best) break;
        const { rule, match } = best;
        if (rule.name) tokens.push([match[0], rule.name]);
        for (const [group, capture] of Object.entries(rule.captures ?? {})) if (match[Number(group)]) tokens.push([match[Number(group)], capture.name]);
        pos = match.index + match[0].length;
    }
    return tokens;
}

/** Which lines after an `edges:` line stay inside its region, by the begin capture and the end rule. */
function regionLines(lines: string[]): string[] {
    const begin = new RegExp(repo.edges.begin as string).exec(lines[0]);
    if (!begin) return [];
    const escaped = begin[1].replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    const end = new RegExp((repo.edges.end as string).replace(/\\1/g, escaped));
    const inside: string[] = [];
    for (const line of lines.slice(1)) {
        if (end.test(line)) break;
        inside.push(line);
    }
    return inside;
}

const names = (line: string) => edgeTokens(line).filter(([, scope]) => scope === 'variable.other.node-reference.nir-yaml').map(([text]) => text);

describe('TextMate injection', () => {
    it('is included in the order edges, then node types', () => {
        expect(grammar.patterns).toEqual([{ include: '#edges' }, { include: '#node-type' }]);
    });

    it('marks NIR type values after type:, in block and flow mappings', () => {
        expect(nodeType('    type: LIF')).toEqual(['type', 'LIF']);
        expect(nodeType('    lif: {type: CubaLIF, tau_mem: 0.02}')).toEqual(['type', 'CubaLIF']);
        expect(nodeType('    out: {shape: [2], type: Output}')).toEqual(['type', 'Output']);
        expect(nodeType('  type: NIRGraph   # the root')).toEqual(['type', 'NIRGraph']);
        expect(nodeType('    - type: Input')).toEqual(['type', 'Input']);
    });

    it('leaves alone what is not a NIR type after a type key', () => {
        for (const line of ['    type: Lif', '    type: LIFF', '    types: LIF', '    mytype: LIF', '    note: "type: LIF"', '    type: LIF-2']) {
            expect(nodeType(line), line).toBeUndefined();
        }
    });

    it('marks the names in list and arrow edges, with their punctuation, quotes and comments', () => {
        expect(edgeTokens('    - [input, fc1]')).toEqual([
            ['-', 'punctuation.definition.block.sequence.item.yaml'],
            ['[', 'punctuation.definition.sequence.begin.yaml'],
            ['input', 'variable.other.node-reference.nir-yaml'],
            [',', 'punctuation.separator.sequence.yaml'],
            ['fc1', 'variable.other.node-reference.nir-yaml'],
            [']', 'punctuation.definition.sequence.end.yaml'],
        ]);
        expect(edgeTokens('    - lif1.lif -> "w rec"  # recurrent')).toEqual([
            ['-', 'punctuation.definition.block.sequence.item.yaml'],
            ['lif1.lif', 'variable.other.node-reference.nir-yaml'],
            ['->', 'keyword.operator.arrow.nir-yaml'],
            ['"', 'punctuation.definition.string.begin.yaml'],
            ['w rec', 'variable.other.node-reference.nir-yaml'],
            ['"', 'punctuation.definition.string.end.yaml'],
            ['# recurrent', 'comment.line.number-sign.yaml'],
        ]);
        expect(names('  edges: [[a, b-c], [b-c, 0]]'.slice('  edges:'.length))).toEqual(['a', 'b-c', 'b-c', '0']);
        expect(names('    - a->b')).toEqual(['a', 'b']);
    });

    it('keeps the edges region to the edges block, at any indentation', () => {
        const block = ['  edges:', '    - [input, fc1]', '', '    # a comment', '    - fc1 -> out', '  metadata: {dt: 0.001}', '    - [x, y]'];
        expect(regionLines(block)).toEqual(['    - [input, fc1]', '', '    # a comment', '    - fc1 -> out']);
        const sameIndent = ['      edges:', '      - [a, b]', '      - [b, c]', '    output: {type: Output}'];
        expect(regionLines(sameIndent)).toEqual(['      - [a, b]', '      - [b, c]']);
        expect(regionLines(['  edges: [[a, b]]', 'version: "1.0"'])).toEqual([]);
        expect(regionLines(['  edgesx:', '    - [a, b]'])).toEqual([]);
    });
});
