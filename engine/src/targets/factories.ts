import type { TargetFactory } from '../plugins/target.js';
import { ChipMesh } from './chip-mesh.js';
import { layOutBoards, parseBoardCount, MAX_BOARDS_SETTING } from './multi-board.js';
import { spinnakerTarget } from './spinnaker-target.js';
import { SPINNAKER2_SETTINGS } from './spinnaker2-settings.js';
import { SPINNAKER1_SETTINGS } from './spinnaker1-settings.js';

/** Refuses an argument for a family that takes none. */
function noArgument(id: string, argument: string | undefined): { error: string } | undefined {
    return argument === undefined ? undefined : { error: `${id} takes no argument (got '${id}:${argument}')` };
}

/** One SpiNNaker2 chip, as py-spinnaker2's `SpiNNaker2Chip` board (py-spinnaker2 hardware.py). */
export const SPINNAKER2_CHIP: TargetFactory = {
    id: 'spinnaker2-chip',
    title: 'One SpiNNaker2 chip',
    description: 'A single SpiNNaker2 chip: 152 PEs with 128 KiB SRAM each, 1 GiB DRAM budget, a 16,384-entry router.',
    create: (argument) =>
        noArgument('spinnaker2-chip', argument) ?? spinnakerTarget('spinnaker2-chip', 'One SpiNNaker2 chip', SPINNAKER2_SETTINGS, ChipMesh.full(1, 1, false, false)),
};

/** The 48-chip SpiNNaker2 board with its real chip coordinates (SpiNNMachine version_248.py, version_48_chips.py). The default target. */
export const SPINNAKER2_BOARD48: TargetFactory = {
    id: 'spinnaker2-board48',
    title: 'The 48-chip SpiNNaker2 board',
    description: 'The SpiNNcloud 48-node board: 48 chips in a hexagonal layout inside an 8 × 8 box, Ethernet chip (0,0), no wrap-around.',
    create: (argument) =>
        noArgument('spinnaker2-board48', argument) ?? spinnakerTarget('spinnaker2-board48', 'The 48-chip SpiNNaker2 board', SPINNAKER2_SETTINGS, layOutBoards(1).mesh),
};

/** N 48-chip SpiNNaker2 boards laid out as spalloc allocates them, up to the SpiNNcloud. */
export const SPINNAKER2_BOARDS: TargetFactory = {
    id: 'spinnaker2-boards',
    title: 'N SpiNNaker2 48-chip boards (spalloc layout)',
    description: `N boards as spalloc allocates them: a rectangle of 3-board triads, a torus when the boards fill it (sides multiples of 12), up to ${MAX_BOARDS_SETTING.value} boards (the SpiNNcloud).`,
    argument: `number of 48-chip boards, 1 to ${MAX_BOARDS_SETTING.value}`,
    create(argument) {
        const n = parseBoardCount(argument);
        if (typeof n !== 'number') return n;
        const machine = layOutBoards(n);
        const { mesh } = machine;
        const wrap = mesh.wrapX ? 'torus' : 'no wrap-around';
        const title = `${n} SpiNNaker2 board${n === 1 ? '' : 's'}: ${mesh.chipCount} chips in ${mesh.width} × ${mesh.height}, ${wrap}`;
        return spinnakerTarget(`spinnaker2-boards:${n}`, title, [...SPINNAKER2_SETTINGS, MAX_BOARDS_SETTING], mesh);
    },
};

/** A SpiNNaker1 48-chip board: 18 cores, 64 KiB DTCM, 1023 router entries (SpiNNMachine version_spin1.py). */
export const SPINNAKER1_BOARD48: TargetFactory = {
    id: 'spinnaker1-board48',
    title: 'A SpiNNaker1 48-chip board (SpiNN-5)',
    description: 'SpiNNaker1 for comparison: 18 cores per chip (one for the monitor), 64 KiB DTCM, synapses in SDRAM, 1023 router entries.',
    create: (argument) =>
        noArgument('spinnaker1-board48', argument) ?? spinnakerTarget('spinnaker1-board48', 'A SpiNNaker1 48-chip board', SPINNAKER1_SETTINGS, layOutBoards(1).mesh),
};

/** Every shipped target family, the default first. */
export const SPINNAKER_TARGET_FACTORIES: readonly TargetFactory[] = [SPINNAKER2_BOARD48, SPINNAKER2_CHIP, SPINNAKER2_BOARDS, SPINNAKER1_BOARD48];
