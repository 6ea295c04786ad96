import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { Origin } from '../../nir/origin.js';
import type { HardwareTarget } from '../../plugins/target.js';
import type { ChipUsage, MappingLimits } from '../../plugins/mapper.js';
import { MAX_BOARDS_SETTING } from '../multi-board.js';
import { BOARD_CHIPS } from '../board-layout.js';
import { fmt } from './target-check.js';

/** Finds analysed nodes by the NIR path a mapping result names. */
export function nodesByPath(analysis: GraphAnalysis): (path: string) => AnalysedNode | undefined {
    const map = new Map(analysis.nodes.map((n) => [n.path, n]));
    return (path) => map.get(path);
}

/** The origin of the node at `path`, or of the document when it is gone. */
export function originAt(analysis: GraphAnalysis, find: (path: string) => AnalysedNode | undefined, path: string): Origin {
    return find(path)?.node.origin ?? analysis.document.root.origin;
}

/**
 * The smallest SpiNNaker2 machine with at least `pes` PEs, as a target id (`spinnaker2-boards:3`),
 * or undefined when even the largest is too small or the target is not a SpiNNaker2 one.
 */
export function biggerTarget(target: HardwareTarget, limits: MappingLimits, pes: number): string | undefined {
    if (!target.id.startsWith('spinnaker2')) return undefined;
    const perBoard = BOARD_CHIPS.length * limits.pesPerChip;
    const boards = Math.ceil(pes / perBoard);
    if (perBoard === 0 || boards > MAX_BOARDS_SETTING.value) return undefined;
    return boards <= 1 ? 'spinnaker2-board48' : `spinnaker2-boards:${boards}`;
}

/** "spinnaker2-board48 has 7,296 PEs (48 chips × 152)". */
export function describePes(target: HardwareTarget, limits: MappingLimits): string {
    return `${target.id} has ${fmt(limits.pes)} PEs (${fmt(limits.chips)} chip${limits.chips === 1 ? '' : 's'} × ${fmt(limits.pesPerChip)})`;
}

/**
 * The chips over a limit, grouped by the node a chip blames (its DRAM or router main node): per
 * node, its worst chip and how many chips it overflows.
 */
export function overLimitByNode(
    chips: readonly ChipUsage[],
    need: (chip: ChipUsage) => number,
    limit: number,
    blame: (chip: ChipUsage) => string | undefined,
): Map<string, { worst: ChipUsage; count: number }> {
    const byNode = new Map<string, { worst: ChipUsage; count: number }>();
    for (const chip of chips) {
        if (need(chip) <= limit) continue;
        const path = blame(chip) ?? '';
        const seen = byNode.get(path);
        if (!seen) byNode.set(path, { worst: chip, count: 1 });
        else {
            seen.count++;
            if (need(chip) > need(seen.worst)) seen.worst = chip;
        }
    }
    return byNode;
}

/** "chip (3, 4)" or "5 chips (worst: chip (3, 4))". */
export function describeChips(worst: ChipUsage, count: number): string {
    return count === 1 ? `chip (${worst.x}, ${worst.y})` : `${count} chips (worst: chip (${worst.x}, ${worst.y}))`;
}
