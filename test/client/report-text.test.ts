import { describe, expect, it } from 'vitest';
import type { MapReport } from '../../protocol/index.js';
import { checkReportText, placementReportText } from '../../client/src/report-text.js';

/** The fields of a node placement the text report does not show. */
const NODE = { type: 'LIF', model: null, neuronsPerCore: null, neuronsPerCoreSource: null, maxSramBytes: null, sramBreakdown: null, synapsesIn: null, synapsesExact: null } as const;

const REPORT: MapReport = {
    uri: 'file:///w/net.nir.yaml',
    version: 3,
    target: 'spinnaker2-board48',
    blocked: false,
    diagnostics: [
        { range: { start: { line: 11, character: 4 }, end: { line: 11, character: 9 } }, severity: 2, code: 'spinnaker2/weight-quantisation', message: 'weights lose precision' },
    ],
    placement: {
        targetId: 'spinnaker2-board48',
        mapperId: 'greedy',
        chipsUsed: 1,
        pesUsed: 3,
        nodes: [
            { ...NODE, name: 'lif1', path: '/node/nodes/lif1', neurons: 300, pesNeeded: 2, routerEntries: 2, pes: [
                { chip: [0, 0], pe: 0, first: 0, count: 256, sramBytes: 100_000, key: 0, mask: 0xffffff00, dramBytes: 0 },
                { chip: [0, 0], pe: 1, first: 256, count: 44, sramBytes: 20_000, key: 256, mask: 0xffffff00, dramBytes: 0 },
            ] },
            { ...NODE, name: 'out', path: '/node/nodes/out', neurons: 10, pesNeeded: 1, routerEntries: 0, pes: [{ chip: [0, 0], pe: 2, first: 0, count: 10, sramBytes: 900, key: null, mask: null, dramBytes: 0 }] },
        ],
        chips: [{ x: 0, y: 0, pesUsed: 3, dramBytes: 2 * 1024 * 1024, routerEntries: 2, routerEntriesUncompressed: 5, dramMainNode: null, routerMainNode: null }],
        estimatesUsed: ['sram_per_pe_bytes'],
        pesNeeded: 3, steps: 1000, limits: null, links: [], cost: null, placementFailures: [], keyBits: null, timingsMs: null, mesh: null,
    },
    graph: null,
};

describe('report text', () => {
    it('lays the placement out as aligned tables with totals, then the problems with 1-based places', () => {
        expect(placementReportText(REPORT, 'net.nir.yaml')).toBe([
            'NIRmesh placement report',
            'File:   net.nir.yaml (version 3)',
            'Target: spinnaker2-board48',
            '',
            'Mapper greedy: 1 chip, 3 PEs used',
            'Estimated settings used: sram_per_pe_bytes',
            '',
            'Nodes',
            '  node  neurons  PEs  SRAM       router entries  path',
            '  lif1  300      2    117.2 KiB  2               /node/nodes/lif1',
            '  out   10       1    900 B      0               /node/nodes/out',
            '',
            'Chips',
            '  chip   PEs  DRAM     router entries  uncompressed',
            '  (0,0)  3    2.0 MiB  2               5',
            '',
            'Problems (0 errors, 1 warning, 0 notes)',
            '  12:5  warning  spinnaker2/weight-quantisation  weights lose precision',
            '',
        ].join('\n'));
    });

    it('says why there is no placement when errors block it', () => {
        const blocked = { ...REPORT, blocked: true, placement: null, diagnostics: [{ ...REPORT.diagnostics[0], severity: 1 as const, code: 'nir/x', message: 'broken' }] };
        const text = placementReportText(blocked, 'net.nir.yaml');
        expect(text).toContain('The mapping did not run: errors in the network block it (listed below).');
        expect(text).toContain('Problems (1 error, 0 warnings, 0 notes)\n  12:5  error  nir/x  broken\n');
    });

    it('lists a check\'s problems, or none', () => {
        expect(checkReportText({ ...REPORT, diagnostics: [] }, 'net.nir.yaml')).toBe('NIRmesh check: net.nir.yaml (version 3) on spinnaker2-board48\n0 errors, 0 warnings, 0 notes\n\n  none\n');
    });
});
