import type { CostSummary, LinkTraffic } from '../plugins/mapper.js';
import type { MachineGraph } from '../machine/machine-graph.js';
import type { MeshTopology, MulticastTree } from '../routing/types.js';
import type { SourceSet } from './multicast-sources.js';

/** The traffic model's numbers (target settings, mostly estimates). */
export interface TrafficModel {
    readonly rateHz: number;
    readonly packetBits: number;
    readonly linkBitsPerSecond: number;
    readonly routerJoulesPerBit: number;
    readonly synapticJoulesPerEvent: number;
    readonly idleWattsPerChip: number;
    readonly activeWattsPerPe: number;
}

/**
 * Spike packets per second on every link a multicast tree uses, if every neuron fires at the
 * model's mean rate: a tree carries one packet per spike of the neurons behind its source, once
 * per link (branches share links).
 */
export function linkTraffic(mesh: MeshTopology, trees: readonly MulticastTree[], set: SourceSet, model: TrafficModel): LinkTraffic[] {
    const loads = new Map<number, { trees: number; pps: number }>();
    for (const tree of trees) {
        const pps = set.neurons[tree.sourceIndex] * model.rateHz;
        for (const node of tree.nodes) {
            for (let link = 0, bits = node.route.links; bits !== 0; link++, bits >>= 1) {
                if (!(bits & 1)) continue;
                const id = (node.chip.y * mesh.width + node.chip.x) * 6 + link;
                const load = loads.get(id);
                if (load) {
                    load.trees++;
                    load.pps += pps;
                } else loads.set(id, { trees: 1, pps });
            }
        }
    }
    return [...loads.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([id, load]) => {
            const link = id % 6;
            const chip = (id - link) / 6;
            return {
                x: chip % mesh.width, y: Math.floor(chip / mesh.width), link, trees: load.trees,
                packetsPerSecond: load.pps, utilisation: (load.pps * model.packetBits) / model.linkBitsPerSecond,
            };
        });
}

/**
 * Power for the chips and PEs in use, plus the energy of the synaptic events and of the router
 * bits of the link traffic, per second of run time.
 */
export function costSummary(graph: MachineGraph, links: readonly LinkTraffic[], chipsUsed: number, pesUsed: number, model: TrafficModel): CostSummary {
    const powerW = chipsUsed * model.idleWattsPerChip + pesUsed * model.activeWattsPerPe;
    const linkPacketsPerSecond = links.reduce((sum, l) => sum + l.packetsPerSecond, 0);
    const synapses = graph.projections.reduce((sum, p) => sum + p.connectivity.synapses, 0);
    const synapticEventsPerSecond = synapses * model.rateHz;
    return {
        meanFiringRateHz: model.rateHz,
        powerW,
        synapticEventsPerSecond,
        linkPacketsPerSecond,
        energyPerSecondJ: powerW + synapticEventsPerSecond * model.synapticJoulesPerEvent + linkPacketsPerSecond * model.packetBits * model.routerJoulesPerBit,
    };
}
