import { describe, expect, it } from 'vitest';
import type { MappingResult } from '../../../engine/src/index.js';
import { costLenses } from '../../../server/src/features/code-lens.js';
import { hoverAt } from '../../../server/src/features/hover.js';
import type { ReadyDocument } from '../../../server/src/features/ready-document.js';
import { fixture, offsetOf, readyOf, TEST_REGISTRY, type ShapeTable } from './helpers.js';

const TEXT = fixture('recurrent-nested.nir.yaml');
const SHAPES: ShapeTable = {
    '/node/nodes/fc1': [[3], [6]],
    '/node/nodes/rnn/nodes/lif': [[6], [6]],
    '/node/nodes/rnn/nodes/w_rec': [[6], [6]],
    '/node/nodes/fc2': [[6], [2]],
    '/node/nodes/lif_out': [[2], [2]],
};
const MAPPING: MappingResult = {
    targetId: 'test-board',
    mapperId: 'greedy',
    chipsUsed: 2,
    pesUsed: 3,
    nodes: [
        { name: 'lif', path: '/node/nodes/rnn/nodes/lif', neurons: 6, routerEntries: 3, pes: [
            { chip: [0, 0], pe: 1, first: 0, count: 3, sramBytes: 2048 },
            { chip: [1, 0], pe: 0, first: 3, count: 3, sramBytes: 1024 },
        ] },
        { name: 'lif_out', path: '/node/nodes/lif_out', neurons: 2, routerEntries: 1, pes: [{ chip: [0, 0], pe: 2, first: 0, count: 2, sramBytes: 512 }] },
        { name: 'fc2', path: '/node/nodes/fc2', neurons: 0, routerEntries: 0, pes: [] },
    ],
    chips: [],
    estimatesUsed: [],
    problems: [],
};

function hover(doc: ReadyDocument, offset: number): string {
    const result = hoverAt(doc, TEST_REGISTRY, offset);
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('hover', () => {
    const checked = readyOf(TEXT, { shapes: SHAPES });
    const mapped = readyOf(TEXT, { shapes: SHAPES, mapping: MAPPING });

    it('shows a node\'s type, equation and inferred shapes on its name, its type and the edges naming it', () => {
        const onKey = hover(checked, offsetOf(TEXT, 'fc2:'));
        expect(onKey).toContain('`fc2` · `Affine`');
        expect(onKey).toContain('y = W·x + b');
        expect(onKey).toContain('Input [6] → output [2]');
        expect(onKey).toContain('12 synapses');
        expect(hover(checked, offsetOf(TEXT, 'type: Affine', 1, 7))).toBe(onKey);
        expect(hover(checked, offsetOf(TEXT, 'rnn -> fc2', 0, 8))).toBe(onKey);
    });

    it('counts neurons before the mapping and PEs, SRAM and router entries after it', () => {
        const before = hover(checked, offsetOf(TEXT, 'lif:'));
        expect(before).toContain('6 neurons');
        expect(before).not.toContain('PE');
        const after = hover(mapped, offsetOf(TEXT, 'lif:'));
        expect(after).toContain('2 PEs on 2 chips of `test-board`: (0,0) PE 1, (1,0) PE 0');
        expect(after).toContain('3.0 KiB SRAM · 3 router entries');
    });

    it('documents a parameter with its unit and default, and its value\'s dtype, shape and recipe', () => {
        const key = hover(checked, offsetOf(TEXT, 'w_in'));
        expect(key).toContain('`w_in` of `lif` · `CubaLIF`');
        expect(key).toContain('tensor · default 1 · optional');
        expect(key).toContain('Value: float32 [6], constant 1');
        const weight = hover(checked, offsetOf(TEXT, '{shape: [6, 3]', 0, 1));
        expect(weight).toContain('float32 [6, 3], normal(mean 0, std 1, seed 1234)');
    });

    it('says so for a dangling edge end and an unknown type, and shows names with markup literally', () => {
        const broken = readyOf(TEXT.replace('[lif_out, output]', '[lif_out, outptu]').replace('type: Linear', 'type: Lineer').replace('    fc2:\n', '    "<b>`x`</b>":\n').replace('rnn -> fc2', 'rnn -> <b>`x`</b>').replace('[fc2, lif_out]', '["<b>`x`</b>", lif_out]'));
        const text = broken.text.getText();
        expect(hover(broken, offsetOf(text, 'outptu'))).toBe('No node named `outptu` in this graph.');
        expect(hover(broken, offsetOf(text, 'Lineer'))).toContain('Unknown node type `Lineer`.');
        expect(hover(broken, offsetOf(text, '"<b>'))).toContain('``<b>`x`</b>`` · `Affine`');
        expect(hover(broken, offsetOf(text, 'version'))).toBe('');
    });
});

describe('cost code lenses', () => {
    const titles = (doc: ReadyDocument) => Object.fromEntries(costLenses(doc, TEST_REGISTRY).map((l) => [doc.text.getText().slice(doc.text.offsetAt(l.range.start)).split(':')[0], l.command?.title]));

    it('puts neurons and synapses above the nodes before mapping', () => {
        expect(titles(readyOf(TEXT, { shapes: SHAPES }))).toEqual({
            fc1: '18 synapses', lif: '6 neurons', w_rec: '36 synapses', fc2: '12 synapses', lif_out: '2 neurons',
        });
    });

    it('sizes a population by its parameters when no shapes are inferred', () => {
        expect(titles(readyOf(TEXT))).toMatchObject({ lif: '6 neurons', lif_out: '2 neurons', fc1: '18 synapses' });
    });

    it('puts PEs, SRAM and router entries above the placed nodes after mapping, opening the report', () => {
        const doc = readyOf(TEXT, { shapes: SHAPES, mapping: MAPPING });
        expect(titles(doc)).toMatchObject({ lif: '2 PEs · 3.0 KiB SRAM · 3 router entries', lif_out: '1 PE · 512 B SRAM · 1 router entry', fc2: '12 synapses' });
        expect(costLenses(doc, TEST_REGISTRY)[0].command).toMatchObject({ command: 'nirmesh.showPlacement', arguments: [doc.snapshot.uri] });
    });
});
