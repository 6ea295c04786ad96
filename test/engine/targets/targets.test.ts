import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    BOARD_CHIPS, ChipMesh, createEngine, hexDistance, qpeOf, QPE_GRID, resolveTarget, SETTING_NAMES, withSettingOverrides, type HardwareTarget,
} from '../../../engine/src/index.js';
import { neighbour, type LinkId } from '../../../engine/src/routing/index.js';

const registry = createEngine().registry;

function target(id: string): HardwareTarget {
    const resolved = resolveTarget(registry, id);
    if (!resolved.target) throw new Error(resolved.error);
    return resolved.target;
}

function mesh(id: string): ChipMesh {
    const t = target(id);
    if (!(t.topology instanceof ChipMesh)) throw new Error(`${id} has no ChipMesh`);
    return t.topology;
}

describe('target registry', () => {
    it('registers the four SpiNNaker families, the 48-chip board first', () => {
        expect(registry.targets.ids()).toEqual(['spinnaker2-board48', 'spinnaker2-chip', 'spinnaker2-boards', 'spinnaker1-board48']);
        expect(registry.targets.get('spinnaker2-boards')?.argument).toMatch(/1 to 720/);
    });

    it('refuses arguments where a family takes none', () => {
        expect(resolveTarget(registry, 'spinnaker2-chip:3').error).toBe("spinnaker2-chip takes no argument (got 'spinnaker2-chip:3')");
    });
});

describe('meshes', () => {
    it('lays out the 48-chip board with its hexagonal chip coordinates and no wrap-around', () => {
        const board = mesh('spinnaker2-board48');
        expect([board.width, board.height, board.wrapX, board.wrapY, board.chipCount]).toEqual([8, 8, false, false, 48]);
        const columns = Array.from({ length: 8 }, (_, x) => board.chips().filter((c) => c.x === x).map((c) => c.y));
        expect(columns.map((ys) => [ys[0], ys[ys.length - 1]])).toEqual([[0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [1, 7], [2, 7], [3, 7]]);
        expect(BOARD_CHIPS).toHaveLength(48);
        expect(neighbour(board, { x: 0, y: 0 }, 0)).toEqual({ x: 1, y: 0 });
        expect(neighbour(board, { x: 0, y: 0 }, 4)).toBeUndefined();
        expect(neighbour(board, { x: 0, y: 3 }, 2)).toBeUndefined(); // (0,4) is not on the board
        expect(neighbour(board, { x: 4, y: 7 }, 1)).toBeUndefined(); // off the 8 × 8 box
    });

    it('is one chip for spinnaker2-chip', () => {
        const chip = mesh('spinnaker2-chip');
        expect([chip.width, chip.height, chip.chipCount]).toEqual([1, 1, 1]);
    });

    it.each([
        // boards, width, height, wrap, chips: spalloc's triad rectangle; a torus when the boards fill it
        [1, 8, 8, false, 48],
        [2, 16, 16, false, 96],
        [3, 12, 12, true, 144],
        [4, 28, 16, false, 192],
        [6, 24, 12, true, 288],
        [720, 192, 180, true, 34560],
    ])('lays out spinnaker2-boards:%i as %i × %i (wrap %s) with %i chips', (boards, width, height, wrap, chips) => {
        const m = mesh(`spinnaker2-boards:${boards}`);
        expect([m.width, m.height, m.wrapX, m.wrapY, m.chipCount]).toEqual([width, height, wrap, wrap, chips]);
    });

    it('wraps around on a torus, so every chip of a whole machine has six neighbours', () => {
        const torus = mesh('spinnaker2-boards:3');
        expect(neighbour(torus, { x: 0, y: 0 }, 3)).toEqual({ x: 11, y: 0 });
        expect(neighbour(torus, { x: 0, y: 0 }, 4)).toEqual({ x: 11, y: 11 });
        for (const chip of torus.chips()) {
            for (const link of [0, 1, 2, 3, 4, 5] as LinkId[]) expect(neighbour(torus, chip, link)).toBeDefined();
        }
    });

    it('places the boards of a partial triad rectangle at their Ethernet chips, without wrap', () => {
        const two = mesh('spinnaker2-boards:2');
        expect(two.hasChip(0, 0)).toBe(true);
        expect(two.hasChip(4, 8)).toBe(true); // the second board's Ethernet chip
        expect(two.hasChip(8, 4)).toBe(false); // the third board of the triad is not allocated
    });

    it.each([
        ['spinnaker2-boards', 'spinnaker2-boards needs a board count: spinnaker2-boards:N with N from 1 to 720'],
        ['spinnaker2-boards:0', 'spinnaker2-boards:0: 0 boards is not a machine size; use 1 to 720 (720 boards = the 34560-chip SpiNNcloud)'],
        ['spinnaker2-boards:721', 'spinnaker2-boards:721: 721 boards is not a machine size; use 1 to 720 (720 boards = the 34560-chip SpiNNcloud)'],
        ['spinnaker2-boards:2.5', 'spinnaker2-boards:2.5: the board count must be a whole number from 1 to 720'],
        ['spinnaker2-boards:x', 'spinnaker2-boards:x: the board count must be a whole number from 1 to 720'],
    ])('refuses %s', (id, message) => {
        expect(resolveTarget(registry, id).error).toBe(message);
    });

    it('measures hops with the diagonal link and around the torus', () => {
        const board = mesh('spinnaker2-board48');
        expect(hexDistance(board, { x: 0, y: 0 }, { x: 3, y: 3 })).toBe(3); // NE three times
        expect(hexDistance(board, { x: 0, y: 3 }, { x: 3, y: 0 })).toBe(6); // signs differ: no diagonal
        const torus = mesh('spinnaker2-boards:3');
        expect(hexDistance(torus, { x: 0, y: 0 }, { x: 11, y: 11 })).toBe(1); // one SW hop around the back
        expect(hexDistance(torus, { x: 0, y: 0 }, { x: 6, y: 0 })).toBe(6);
    });
});

describe('settings', () => {
    it('gives every SpiNNaker2 number a unit, a doc, a source and a confidence', () => {
        const t = target('spinnaker2-board48');
        const names = SETTING_NAMES.filter((n) => n !== 'max_boards');
        expect([...t.settings.keys()].sort()).toEqual([...names].sort());
        for (const s of t.settings.values()) {
            expect(s.unit.length * s.doc.length * s.source.length, s.name).toBeGreaterThan(0);
            expect(['documented', 'measured', 'estimate']).toContain(s.confidence);
        }
        const value = (name: string) => t.settings.get(name)?.value;
        expect([value('pes_per_chip'), value('sram_data_window_bytes'), value('router_entries_per_chip'), value('dram_per_chip_bytes')]).toEqual([152, 67328, 16384, 1073741824]);
        expect(t.settings.get('dvfs_pl1_voltage_v')?.confidence).toBe('estimate');
        expect(t.settings.get('router_entries_per_chip')?.confidence).toBe('documented');
    });

    it('gives SpiNNaker1 its own numbers through the same names', () => {
        const t = target('spinnaker1-board48');
        const value = (name: string) => t.settings.get(name)?.value;
        expect([value('pes_per_chip'), value('reserved_pes_per_chip'), value('sram_per_pe_bytes'), value('router_entries_per_chip'), value('synapses_in_dram')]).toEqual([18, 2, 65536, 1023, 1]);
        expect(t.settings.has('clock_low_hz')).toBe(false);
    });

    it('documents every setting in docs/targets.md, with its SpiNNaker2 confidence', () => {
        const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'targets.md'), 'utf8');
        const settings = target('spinnaker2-boards:2').settings;
        for (const name of SETTING_NAMES) {
            const row = docs.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
            expect(row, name).toBeDefined();
            expect(row?.split('|')[2].includes('**E**'), name).toBe(settings.get(name)?.confidence === 'estimate');
        }
    });

    it('names the board count limit of the multi-board family as an estimate', () => {
        expect(target('spinnaker2-boards:2').settings.get('max_boards')).toMatchObject({ value: 720, confidence: 'estimate' });
    });

    it('overrides settings by name and refuses unknown names and bad values', () => {
        const t = target('spinnaker2-chip');
        const changed = withSettingOverrides(t, { mean_firing_rate_hz: 25 });
        if ('error' in changed) throw new Error(changed.error);
        expect(changed.settings.get('mean_firing_rate_hz')?.value).toBe(25);
        expect(changed.settings.get('mean_firing_rate_hz')?.source).toMatch(/^overridden by the user \(was 10/);
        expect(t.settings.get('mean_firing_rate_hz')?.value).toBe(10);
        expect(withSettingOverrides(t, { warp_drive: 1 })).toMatchObject({ error: expect.stringMatching(/^target spinnaker2-chip has no setting 'warp_drive'/) });
        expect(withSettingOverrides(t, { key_bits: -1 })).toEqual({ error: "setting 'key_bits' must be a finite number ≥ 0, not -1" });
    });
});

describe('QPE layout', () => {
    it('has 38 QPEs on the 7 × 6 grid with its four holes, four PEs each', () => {
        expect(QPE_GRID).toHaveLength(38);
        expect(QPE_GRID).not.toContainEqual([4, 3]);
        expect(QPE_GRID).not.toContainEqual([7, 4]);
        expect(qpeOf(0)).toEqual({ qx: 1, qy: 1, qp: 0 });
        expect(qpeOf(5)).toEqual({ qx: 2, qy: 1, qp: 1 });
        expect(qpeOf(151)).toEqual({ qx: 7, qy: 6, qp: 3 });
        expect(qpeOf(152)).toBeUndefined();
    });
});
