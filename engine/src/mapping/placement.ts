import type { MachineGraph } from '../machine/machine-graph.js';
import type { PlacementFailure } from '../plugins/mapper.js';
import type { ChipCoord } from '../routing/types.js';

/** Where every slice went: chip (an index into `chips`, −1 when unplaced) and PE, per population. */
export interface Placement {
    /** The chips in fill order. */
    readonly chips: readonly ChipCoord[];
    readonly chipOf: readonly Int32Array[];
    readonly peOf: readonly Int16Array[];
    readonly pesUsedPerChip: Int32Array;
    readonly failures: PlacementFailure[];
    readonly placed: number;
    readonly needed: number;
}

/**
 * Populations in the order they are placed: breadth first along projections from the spike
 * sources (then from any population not reached yet, in document order), so that each population
 * lands next to the ones it talks to.
 */
export function placementOrder(graph: MachineGraph): number[] {
    const seen = new Uint8Array(graph.populations.length);
    const order: number[] = [];
    const visit = (start: number) => {
        if (seen[start]) return;
        seen[start] = 1;
        const queue = [start];
        for (let head = 0; head < queue.length; head++) {
            const pop = graph.populations[queue[head]];
            order.push(pop.index);
            const next = [...pop.outgoing.map((i) => graph.projections[i].post), ...pop.incoming.map((i) => graph.projections[i].pre)];
            for (const j of next) {
                if (!seen[j]) {
                    seen[j] = 1;
                    queue.push(j);
                }
            }
        }
    };
    graph.populations.filter((p) => p.isSource).forEach((p) => visit(p.index));
    graph.populations.forEach((p) => visit(p.index));
    return order;
}

/**
 * Places slices on PEs. Fixed placements (`chip`, `core` hints) go first, on the named chip and
 * from the named PE on; one that cannot be honoured (no such chip or PE, PE taken, chip full) is
 * recorded as a failure and its slices are placed with the others. Then every population, in
 * `placementOrder`, fills the next free PEs along the chip order. Slices beyond the machine stay
 * unplaced (chip −1).
 */
export function placeSlices(graph: MachineGraph, neuronsPerCore: readonly number[], chips: readonly ChipCoord[], pesPerChip: number): Placement {
    const used = new Uint8Array(chips.length * pesPerChip);
    const pesUsedPerChip = new Int32Array(chips.length);
    const chipIndex = new Map(chips.map((c, i) => [`${c.x},${c.y}`, i]));
    const failures: PlacementFailure[] = [];
    const sliceCounts = graph.populations.map((p) => (p.size > 0 ? Math.ceil(p.size / neuronsPerCore[p.index]) : 0));
    const chipOf = sliceCounts.map((n) => new Int32Array(n).fill(-1));
    const peOf = sliceCounts.map((n) => new Int16Array(n).fill(-1));
    let placed = 0;
    const take = (pop: number, slice: number, chip: number, pe: number) => {
        used[chip * pesPerChip + pe] = 1;
        pesUsedPerChip[chip]++;
        chipOf[pop][slice] = chip;
        peOf[pop][slice] = pe;
        placed++;
    };

    for (const pop of graph.populations) {
        const { chip, core } = pop.hints;
        if ((!chip && !core) || sliceCounts[pop.index] === 0) continue;
        const where = chip ? `chip (${chip.value[0]}, ${chip.value[1]})` : `chip (${chips[0]?.x ?? 0}, ${chips[0]?.y ?? 0})`;
        const c = chip ? chipIndex.get(`${chip.value[0]},${chip.value[1]}`) : 0;
        if (c === undefined || chips.length === 0 || pesPerChip === 0) {
            failures.push({ path: pop.path, reason: `the target has no ${where}` });
            continue;
        }
        let pe = core?.value ?? 0;
        for (let s = 0; s < sliceCounts[pop.index]; s++) {
            while (!core && pe < pesPerChip && used[c * pesPerChip + pe]) pe++;
            if (pe >= pesPerChip || used[c * pesPerChip + pe]) {
                const why = pe >= pesPerChip ? `${where} has PEs 0..${pesPerChip - 1}` : `PE ${pe} of ${where} is already taken`;
                failures.push({ path: pop.path, reason: `slice ${s + 1} of ${sliceCounts[pop.index]} cannot go on PE ${pe} of ${where}: ${why}` });
                break;
            }
            take(pop.index, s, c, pe++);
        }
    }

    let chip = pesPerChip > 0 ? 0 : chips.length;
    let pe = 0;
    for (const index of placementOrder(graph)) {
        for (let s = 0; s < sliceCounts[index]; s++) {
            if (chipOf[index][s] >= 0) continue;
            while (chip < chips.length && used[chip * pesPerChip + pe]) {
                if (++pe === pesPerChip) [chip, pe] = [chip + 1, 0];
            }
            if (chip >= chips.length) break;
            take(index, s, chip, pe);
        }
    }
    return { chips, chipOf, peOf, pesUsedPerChip, failures, placed, needed: sliceCounts.reduce((a, b) => a + b, 0) };
}
