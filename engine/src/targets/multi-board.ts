import { ChipMesh } from './chip-mesh.js';
import { BOARD_CHIPS, BOARD_SIDE, triadBoardRoots } from './board-layout.js';
import { setting } from './setting.js';

/** The most boards `spinnaker2-boards:N` accepts: the SpiNNcloud, whose board count is an estimate. */
export const MAX_BOARDS_SETTING = setting('max_boards', 720, 'boards', 'estimate',
    'SpiNNcloud: ~35,000 chips (mdr.de, all-electronics.de); board count not found, 720 × 48 = 34,560 chips estimated',
    'The largest machine `spinnaker2-boards:N` describes.');

const MAX_BOARDS = MAX_BOARDS_SETTING.value;

/** A machine of N 48-chip boards: its mesh and how it was laid out. */
export interface BoardMachine {
    readonly boards: number;
    readonly mesh: ChipMesh;
    /** Triads across and up (0 for a single board). */
    readonly triadsWide: number;
    readonly triadsHigh: number;
}

/**
 * Lays out N boards as spalloc does (SpiNNMachine version_48_chips.py size_from_n_boards):
 * one board is an 8 × 8 box; more boards take a rectangle of triads, w = ⌈√⌈N/3⌉⌉ across and
 * h = ⌈⌈N/3⌉/w⌉ up. When the N boards fill that rectangle exactly (N = 3wh) they form a whole
 * machine of 12w × 12h chips, and since both sides are multiples of 12 it wraps around in both
 * directions (a torus, as FullWrapMachine). Otherwise the box is (12w + 4) × (12h + 4) without wrap,
 * holding the first N boards in triad order (row by row, three boards per triad).
 */
export function layOutBoards(boards: number): BoardMachine {
    if (boards <= 1) return { boards: 1, mesh: ChipMesh.of(BOARD_SIDE, BOARD_SIDE, BOARD_CHIPS), triadsWide: 0, triadsHigh: 0 };
    const triads = Math.ceil(boards / 3);
    const w = Math.ceil(Math.sqrt(triads));
    const h = Math.ceil(triads / w);
    const whole = boards === 3 * w * h;
    const width = 12 * w + (whole ? 0 : 4);
    const height = 12 * h + (whole ? 0 : 4);
    const present = new Uint8Array(width * height);
    let placed = 0;
    for (let ty = 0; ty < h && placed < boards; ty++) {
        for (let tx = 0; tx < w && placed < boards; tx++) {
            for (const root of triadBoardRoots(tx, ty)) {
                if (placed === boards) break;
                for (const c of BOARD_CHIPS) present[((root.y + c.y) % height) * width + ((root.x + c.x) % width)] = 1;
                placed++;
            }
        }
    }
    return { boards, mesh: new ChipMesh(width, height, whole, whole, present), triadsWide: w, triadsHigh: h };
}

/** Parses the N of `spinnaker2-boards:N`, or says why it is not a valid board count. */
export function parseBoardCount(argument: string | undefined): number | { readonly error: string } {
    if (argument === undefined || argument === '') {
        return { error: `spinnaker2-boards needs a board count: spinnaker2-boards:N with N from 1 to ${MAX_BOARDS}` };
    }
    if (!/^\d+$/.test(argument)) return { error: `spinnaker2-boards:${argument}: the board count must be a whole number from 1 to ${MAX_BOARDS}` };
    const n = Number(argument);
    if (n < 1 || n > MAX_BOARDS) {
        return { error: `spinnaker2-boards:${argument}: ${n} boards is not a machine size; use 1 to ${MAX_BOARDS} (${MAX_BOARDS} boards = the ${MAX_BOARDS * 48}-chip SpiNNcloud)` };
    }
    return n;
}
