import { describe, expect, it } from 'vitest';
import type { MapReport } from '../../protocol/index.js';
import { checkReportText } from '../../client/src/report-text.js';

const REPORT: MapReport = {
    uri: 'file:///w/net.nir.yaml',
    version: 3,
    target: 'spinnaker2-board48',
    blocked: false,
    diagnostics: [
        { range: { start: { line: 11, character: 4 }, end: { line: 11, character: 9 } }, severity: 2, code: 'spinnaker2/weight-quantisation', message: 'weights lose precision' },
    ],
    placement: null,
    graph: null,
};

describe('check report text', () => {
    it('lists the problems with 1-based places and the counts', () => {
        const text = checkReportText({ ...REPORT, diagnostics: [...REPORT.diagnostics, { ...REPORT.diagnostics[0], severity: 1, code: 'nir/x', message: 'broken' }] }, 'net.nir.yaml');
        expect(text).toBe([
            'NIRmesh check: net.nir.yaml (version 3) on spinnaker2-board48',
            '1 error, 1 warning, 0 notes',
            '',
            '  12:5  warning  spinnaker2/weight-quantisation  weights lose precision',
            '  12:5  error  nir/x  broken',
            '',
        ].join('\n'));
    });

    it('lists a check\'s problems, or none', () => {
        expect(checkReportText({ ...REPORT, diagnostics: [] }, 'net.nir.yaml')).toBe('NIRmesh check: net.nir.yaml (version 3) on spinnaker2-board48\n0 errors, 0 warnings, 0 notes\n\n  none\n');
    });
});
