import type { HardwareTarget, MappingResult, NodePlacement, PeSlice } from '../engine/src/index.js';
import type { MeshWire, NodePlacementWire, PeSliceWire, PlacementWire } from '../protocol/index.js';

/**
 * Engine values to the placement's wire form, at the edge of the two hosts (the server's
 * `nirmesh/map` and the CLI's `map --json` and `map --html`). Every field is named, so a new engine
 * field reaches the wire only when it is added here and in `protocol/placement.ts`.
 */
export function toPlacementWire(mapping: MappingResult, target: HardwareTarget | undefined): PlacementWire {
    const m = mapping;
    return {
        targetId: m.targetId,
        mapperId: m.mapperId,
        chipsUsed: m.chipsUsed,
        pesUsed: m.pesUsed,
        pesNeeded: m.pesNeeded ?? null,
        steps: m.steps ?? null,
        limits: m.limits ? { ...m.limits } : null,
        nodes: m.nodes.map(toNodeWire),
        chips: m.chips.map((c) => ({
            x: c.x, y: c.y, pesUsed: c.pesUsed, dramBytes: c.dramBytes, routerEntries: c.routerEntries,
            routerEntriesUncompressed: c.routerEntriesUncompressed, dramMainNode: c.dramMainNode ?? null, routerMainNode: c.routerMainNode ?? null,
        })),
        links: (m.links ?? []).map((l) => ({ x: l.x, y: l.y, link: l.link, trees: l.trees, packetsPerSecond: l.packetsPerSecond, utilisation: l.utilisation })),
        cost: m.cost ? { ...m.cost } : null,
        estimatesUsed: [...m.estimatesUsed],
        placementFailures: (m.placementFailures ?? []).map((f) => ({ path: f.path, reason: f.reason })),
        keyBits: m.keyBits ? { used: m.keyBits.used, available: m.keyBits.available } : null,
        timingsMs: m.timingsMs ? { ...m.timingsMs } : null,
        mesh: target ? meshWire(target) : null,
    };
}

function toNodeWire(n: NodePlacement): NodePlacementWire {
    return {
        name: n.name, path: n.path, type: n.type ?? null, model: n.model ?? null, neurons: n.neurons,
        neuronsPerCore: n.neuronsPerCore ?? null, neuronsPerCoreSource: n.neuronsPerCoreSource ?? null,
        pesNeeded: n.pesNeeded ?? n.pes.length, maxSramBytes: n.maxSramBytes ?? null,
        sramBreakdown: n.sramBreakdown ? { ...n.sramBreakdown } : null, routerEntries: n.routerEntries,
        synapsesIn: n.synapsesIn ?? null, synapsesExact: n.synapsesExact ?? null, pes: n.pes.map(toSliceWire),
    };
}

function toSliceWire(p: PeSlice): PeSliceWire {
    return { chip: [p.chip[0], p.chip[1]], pe: p.pe, first: p.first, count: p.count, sramBytes: p.sramBytes, key: p.key ?? null, mask: p.mask ?? null, dramBytes: p.dramBytes ?? 0 };
}

/** The target's chips, flattened row by row; null without a mesh. */
function meshWire(target: HardwareTarget): MeshWire | null {
    const mesh = target.topology;
    if (!mesh) return null;
    const chips: number[] = [];
    for (let y = 0; y < mesh.height; y++) for (let x = 0; x < mesh.width; x++) if (mesh.hasChip(x, y)) chips.push(x, y);
    return { width: mesh.width, height: mesh.height, wrapX: mesh.wrapX, wrapY: mesh.wrapY, chips };
}
