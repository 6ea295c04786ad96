/**
 * The client's pure parts, on the wire data of a real mapping (`nirmesh map --html`'s embedded
 * data): which node the cursor is in, the status bar text, and where Convert writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';
import type { MapReport, PlacementViewData } from '../../protocol/index.js';
import { nodeAt } from '../../client/src/node-at-cursor.js';
import { statusText } from '../../client/src/status-text.js';
import { convertedPath } from '../../client/src/converted-path.js';

const ROOT = join(import.meta.dirname, '..', '..');
let data: PlacementViewData;

beforeAll(async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'nirmesh-client-')), 'ff.html');
    const sink = () => undefined;
    await runCli(['map', 'examples/ff-lif-classifier.nir.yaml', '--html', page], { stdout: sink, stderr: sink }, ROOT);
    data = JSON.parse(/<script type="application\/json" id="nirmesh-placement-data">(.*?)<\/script>/s.exec(readFileSync(page, 'utf8'))?.[1] ?? 'null');
});

describe('the node at the cursor', () => {
    it('is the node whose name comes last before the cursor, none before the first', () => {
        const text = readFileSync(join(ROOT, 'examples', 'ff-lif-classifier.nir.yaml'), 'utf8').split('\n');
        const [first, second] = data.graph?.nodes ?? [];
        const firstLine = first.range?.start.line ?? -1;
        expect(text[firstLine]).toContain(first.name);
        expect(nodeAt(data.graph, { line: firstLine, character: 40 })).toBe(first.path);
        expect(nodeAt(data.graph, { line: (second.range?.start.line ?? 0) + 1, character: 0 })).toBe(second.path);
        expect(nodeAt(data.graph, { line: 0, character: 0 })).toBeNull();
        expect(nodeAt(null, { line: 5, character: 0 })).toBeNull();
    });
});

describe('the status bar text', () => {
    it('shows the target and the PE, SRAM and router use of a mapping, or the target alone', () => {
        const report = { uri: 'file:///x', version: 1, target: data.target, diagnostics: [], blocked: false, graph: data.graph, placement: data.placement } satisfies MapReport;
        const p = data.placement;
        const sram = Math.max(...(p?.nodes ?? []).map((n) => n.maxSramBytes ?? 0));
        const expected = Math.round((100 * sram) / (p?.limits?.sramBytesPerPe ?? 1));
        expect(statusText(report, 'spinnaker2-board48').text).toBe(`$(circuit-board) spinnaker2-board48  PE 0%  SRAM ${expected}%  router 0%`);
        expect(statusText(undefined, 'spinnaker2-chip').text).toBe('$(circuit-board) spinnaker2-chip');
        expect(statusText({ ...report, blocked: true, placement: null }, 'x').tooltip).toContain('not mapped');
    });
});

describe('where Convert writes', () => {
    it('turns .nir into .nir.yaml beside it and back', () => {
        expect(convertedPath('/w/net.nir')).toBe('/w/net.nir.yaml');
        expect(convertedPath('/w/net.nir.yaml')).toBe('/w/net.nir');
        expect(convertedPath('/w/net.NIR.yml')).toBe('/w/net.NIR');
        expect(convertedPath('/w/net.yaml')).toBeUndefined();
    });
});
