import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Problem } from '../../../engine/src/index.js';
import { createDocsLink, headingAnchor, MAX_DIAGNOSTICS, originRange, toDiagnostic, toDiagnostics } from '../../../server/src/convert/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const docsLink = createDocsLink(ROOT);
const URI = 'file:///specs/net.nir.yaml';

/** A spec text and the span of the first occurrence of `needle` in it. */
function spanOf(text: string, needle: string, from = 0) {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`${needle} not in text`);
    return { start, end: start + needle.length };
}

const TEXT = ['node:', '  type: NIRGraph', '  nodes:', '    lif1:', '      type: LIF', '      tau: 0.02', '  edges:', '    - [input, lif1]', ''].join('\n');

describe('originRange', () => {
    const doc = TextDocument.create(URI, 'nir-yaml', 1, TEXT);

    it('converts a one-line span with positionAt', () => {
        expect(originRange({ path: '/node/nodes/lif1/tau', span: spanOf(TEXT, '0.02') }, doc)).toEqual({
            start: { line: 5, character: 11 },
            end: { line: 5, character: 15 },
        });
    });

    it('shows a value spanning several lines at its key', () => {
        const value = { start: TEXT.indexOf('type: LIF'), end: TEXT.indexOf('  edges:') };
        const range = originRange({ path: '/node/nodes/lif1', span: value, keySpan: spanOf(TEXT, 'lif1') }, doc);
        expect(range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 8 } });
    });

    it('keeps the first line of a several-line value without a key, never running to the end of the file', () => {
        const range = originRange({ path: '/node', span: { start: TEXT.indexOf('type: NIRGraph'), end: TEXT.length } }, doc);
        expect(range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 16 } });
    });

    it('counts UTF-16 code units and handles CRLF line ends', () => {
        const text = 'metadata:\r\n  note: "🧠 x"\r\n  dt: 1\r\n';
        const crlf = TextDocument.create(URI, 'nir-yaml', 1, text);
        expect(originRange({ path: '/node/metadata/dt', span: spanOf(text, '1', text.indexOf('dt')) }, crlf)).toEqual({
            start: { line: 2, character: 6 },
            end: { line: 2, character: 7 },
        });
        expect(originRange({ path: '/node/metadata/note', span: spanOf(text, '"🧠 x"') }, crlf).end).toEqual({ line: 1, character: 14 });
    });

    it('puts problems without a span (.nir files) at the start of the file', () => {
        expect(originRange({ path: '/node/nodes/fc1/weight' }, undefined)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        expect(originRange({ path: '/node/nodes/fc1/weight' }, doc)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
});

describe('toDiagnostic', () => {
    const doc = TextDocument.create(URI, 'nir-yaml', 1, TEXT);
    const dangling: Problem = {
        code: 'engine/unknown-target',
        severity: 'warning',
        message: 'edge names input, which is not a node',
        origin: { path: '/node/edges/0', span: spanOf(TEXT, 'input') },
        related: [{ message: 'the graph declares these nodes', origin: { path: '/node/nodes', span: spanOf(TEXT, 'lif1'), keySpan: spanOf(TEXT, 'nodes') } }],
        data: { fix: 'create-node', name: 'input' },
    };

    it('carries the code, a docs link, the source, related places in the same document and data with the NIR path', () => {
        const d = toDiagnostic(dangling, { uri: URI, textDocument: doc, docsLink });
        expect(d).toMatchObject({
            code: 'engine/unknown-target',
            severity: DiagnosticSeverity.Warning,
            source: 'nirmesh',
            message: 'edge names input, which is not a node',
            range: { start: { line: 7, character: 7 }, end: { line: 7, character: 12 } },
            data: { path: '/node/edges/0', fix: 'create-node', name: 'input' },
        });
        expect(d.relatedInformation).toEqual([
            { location: { uri: URI, range: { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } } }, message: 'the graph declares these nodes' },
        ]);
    });

    it('names the HDF5 path in the message of a .nir problem, and of its related places', () => {
        const nirProblem: Problem = {
            code: 'engine/internal-error',
            severity: 'error',
            message: 'bad weight',
            origin: { path: '/node/nodes/fc1/weight' },
            related: [{ message: 'used here', origin: { path: '/node/edges/2' } }],
        };
        const d = toDiagnostic(nirProblem, { uri: 'file:///m/net.nir', docsLink });
        expect(d.message).toBe('bad weight (at /node/nodes/fc1/weight)');
        expect(d.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        expect(d.relatedInformation?.[0].message).toBe('used here (at /node/edges/2)');
    });

    it('links each code to its heading in docs/diagnostics', () => {
        const href = toDiagnostic(dangling, { uri: URI, textDocument: doc, docsLink }).codeDescription?.href ?? '';
        const [file, anchor] = href.split('#');
        expect(anchor).toBe('engineunknown-target');
        const headings = [...readFileSync(fileURLToPath(file), 'utf8').matchAll(/^### (.+)$/gm)].map((m) => headingAnchor(m[1]));
        expect(headings).toContain(anchor);
    });
});

describe('toDiagnostics', () => {
    const doc = TextDocument.create(URI, 'nir-yaml', 1, TEXT);
    const at = (needle: string, severity: Problem['severity'], message = needle): Problem => ({
        code: 'engine/internal-error',
        severity,
        message,
        origin: { path: '/x', span: spanOf(TEXT, needle) },
    });

    it('sorts by position then severity and drops exact duplicates', () => {
        const out = toDiagnostics([at('0.02', 'warning'), at('lif1', 'info'), at('0.02', 'error'), at('0.02', 'warning')], { uri: URI, textDocument: doc, docsLink });
        expect(out.map((d) => [d.range.start.line, d.severity])).toEqual([[3, 3], [5, 1], [5, 2]]);
    });

    it('caps a flood of problems, keeping errors and saying how many were left out', () => {
        const many = Array.from({ length: MAX_DIAGNOSTICS + 500 }, (_, i) => at('tau', i % 2 ? 'warning' : 'error', `problem ${i}`));
        const out = toDiagnostics(many, { uri: URI, textDocument: doc, docsLink });
        expect(out).toHaveLength(MAX_DIAGNOSTICS);
        expect(out.filter((d) => d.severity === DiagnosticSeverity.Error)).toHaveLength(750);
        const summary = out.find((d) => d.code === 'engine/too-many-problems');
        expect(summary?.message).toMatch(/^501 more problems are not shown/);
    });
});
