import type { Problem } from '../diagnostics/problem.js';
import type { HardwareTarget } from '../plugins/target.js';
import type { MachineProgram } from '../mapping/machine-program.js';
import type { LinkId, RoutingEntry } from '../routing/types.js';
import type { SimNetwork } from './network.js';
import type { MeshTransport } from './mesh-transport.js';
import type { PeLoad, TrafficCount } from './types.js';
import { neighbour, opposite } from '../routing/mesh.js';
import { settingValue } from '../targets/setting.js';

/**
 * The path of one key through the mesh, found once by looking the key up in the minimised table
 * of every chip it reaches (default routes included) and replayed for every packet with that key.
 * Hop 0 is the source chip's router; hop h > 0 entered chip `chip[h]` over link `link[h]` (a
 * global link id, chip · 6 + link) from hop `parent[h]`. Delivery d reaches PE `pe[d]` at hop `at[d]`.
 */
export interface KeyRoute {
    readonly chip: Int32Array;
    readonly parent: Int32Array;
    readonly link: Int32Array;
    readonly pe: Int32Array;
    readonly at: Int32Array;
}

/** Traffic, drops and PE load over a run. */
export interface MeshTraffic {
    readonly routers: TrafficCount[];
    readonly links: TrafficCount[];
    readonly pes: PeLoad[];
    /** Packets handled by routers and carried by links, over all hops. */
    readonly routerPackets: number;
    readonly linkPackets: number;
    readonly chipsUsed: number;
    readonly pesUsed: number;
}

/** The transport of a mapped run, with its traffic so far and the key routes (for tests). */
export interface MeshRun extends MeshTransport {
    traffic(): MeshTraffic;
    /** The route of neuron `neuron` of population `pop`'s key, found on first use; undefined when it sends nothing on the mesh. */
    routeOf(pop: number, neuron: number): KeyRoute | undefined;
    /** The global PE index of PE `pe` on chip (x, y). */
    peIndex(x: number, y: number, pe: number): number;
}

/** Per-tick counters of one kind of resource (routers or links), with totals, peaks and drops. */
class Counters {
    readonly tick: Int32Array;
    readonly total: Float64Array;
    readonly peak: Int32Array;
    readonly dropped: Float64Array;
    private touched: Int32Array;
    private touchedCount = 0;

    constructor(size: number, readonly capacity: number) {
        this.tick = new Int32Array(size);
        this.total = new Float64Array(size);
        this.peak = new Int32Array(size);
        this.dropped = new Float64Array(size);
        this.touched = new Int32Array(Math.min(size, 1024));
    }

    /** Counts one packet at `id`; false when it is over capacity (and then dropped here). */
    take(id: number): boolean {
        const n = ++this.tick[id];
        if (n === 1) {
            if (this.touchedCount === this.touched.length) {
                const grown = new Int32Array(2 * this.touched.length);
                grown.set(this.touched);
                this.touched = grown;
            }
            this.touched[this.touchedCount++] = id;
        }
        if (n <= this.capacity) return true;
        this.dropped[id]++;
        return false;
    }

    /** Folds the tick into the totals; returns the packets it counted. */
    endTick(): number {
        let sum = 0;
        for (let k = 0; k < this.touchedCount; k++) {
            const id = this.touched[k];
            const n = this.tick[id];
            sum += n;
            this.total[id] += n;
            if (n > this.peak[id]) this.peak[id] = n;
            this.tick[id] = 0;
        }
        this.touchedCount = 0;
        return sum;
    }
}

/**
 * The mesh of a mapped run. A packet is a population neuron's key (the mapper's allocation); its
 * route is what the minimised tables do with that key hop by hop (first matching entry; no match:
 * straight on, out of the link opposite to the one it came in on; no match at the source chip:
 * dropped). A reached PE accepts the packet when its population table (the sources routed to it)
 * matches the key for the sending population. Routers and links take at most
 * `router_packets_per_tick` and `link_packets_per_tick` packets a tick; later ones are dropped
 * there, with everything downstream of them. Wrong routes (a loop, a wrong PE, a PE that does not
 * know the key) are `simulation/misrouted` problems: they mean a NIRmesh bug.
 */
export function meshTransport(network: SimNetwork, program: MachineProgram, target: HardwareTarget, problems: Problem[]): MeshRun {
    const { topology, pesPerChip } = program;
    const chips = topology.width * topology.height;
    const offMesh = chips * pesPerChip;
    const stamp = new Int32Array(offMesh + 1).fill(-1);
    const peEvents = new Float64Array(offMesh + 1);
    const peTotal = new Float64Array(offMesh + 1);
    const pePeak = new Float64Array(offMesh + 1);
    const chipId = (x: number, y: number) => y * topology.width + x;
    const peIndex = (x: number, y: number, pe: number) => chipId(x, y) * pesPerChip + pe;
    const routers = new Counters(chips, settingValue(target, 'router_packets_per_tick'));
    const links = new Counters(chips * 6, settingValue(target, 'link_packets_per_tick'));

    const placedPes: number[] = [];
    const peOf = network.populations.map((p) => {
        const prog = program.populations[p.population.index];
        const of = new Int32Array(p.population.size).fill(offMesh);
        if (!prog) return of;
        for (let s = 0; s < prog.chipOf.length; s++) {
            if (prog.chipOf[s] < 0) continue;
            const chip = program.chips[prog.chipOf[s]];
            const pe = peIndex(chip.x, chip.y, prog.peOf[s]);
            placedPes.push(pe);
            of.fill(pe, s * prog.neuronsPerCore, Math.min(p.population.size, (s + 1) * prog.neuronsPerCore));
        }
        return of;
    });

    // Each PE's population table: the multicast sources routed to it.
    const peSources = new Map<number, Set<number>>();
    program.sources.forEach((source, i) => {
        for (const d of source.destinations) {
            const pe = peIndex(d.chip.x, d.chip.y, d.pe);
            let set = peSources.get(pe);
            if (!set) peSources.set(pe, (set = new Set()));
            set.add(i);
        }
    });
    // The source a key belongs to: one lookup per distinct source mask.
    const byMask = new Map<number, Map<number, number>>();
    program.sources.forEach((source, i) => {
        const mask = source.mask >>> 0;
        let keys = byMask.get(mask);
        if (!keys) byMask.set(mask, (keys = new Map()));
        keys.set(source.key >>> 0, i);
    });
    const sourceOf = (key: number): number => {
        for (const [mask, keys] of byMask) {
            const found = keys.get((key & mask) >>> 0);
            if (found !== undefined) return found;
        }
        return -1;
    };
    const tables = new Map<number, readonly RoutingEntry[]>();
    for (const [key, entries] of program.tables) {
        const [x, y] = key.split(',').map(Number);
        tables.set(chipId(x, y), entries);
    }
    const pesOfRoute = new WeakMap<RoutingEntry, number[]>();
    const localPes = (entry: RoutingEntry): number[] => {
        let pes = pesOfRoute.get(entry);
        if (!pes) {
            pes = [];
            for (let pe = 0, bits = entry.route.pes; bits !== 0n; pe++, bits >>= 1n) if (bits & 1n) pes.push(pe);
            pesOfRoute.set(entry, pes);
        }
        return pes;
    };
    const reported = new Set<string>();
    const misrouted = (pop: number, message: string) => {
        if (reported.has(message)) return;
        reported.add(message);
        problems.push({ code: 'simulation/misrouted', severity: 'warning', origin: network.populations[pop].population.node.node.origin, message: `${message}; this is a NIRmesh bug, please report it with this network.` });
    };

    /** The hops of a key: the chips it reaches and the entry (index into the chip's table, −1: default route) that each uses. */
    const walk = (pop: number, key: number, from: { x: number; y: number }) => {
        const chip: number[] = [chipId(from.x, from.y)];
        const coords = [from];
        const arrival: (LinkId | undefined)[] = [undefined];
        const parent: number[] = [-1];
        const link: number[] = [-1];
        const entries: (RoutingEntry | undefined)[] = [];
        const signature: number[] = [];
        const seen = new Set(chip);
        for (let h = 0; h < chip.length; h++) {
            const table = tables.get(chip[h]);
            const index = table ? table.findIndex((e) => ((key & e.mask) >>> 0) === e.key) : -1;
            const entry = index >= 0 ? table![index] : undefined;
            entries.push(entry);
            signature.push(chip[h], index);
            let outLinks = 0;
            if (entry) outLinks = entry.route.links;
            else if (arrival[h] !== undefined) outLinks = 1 << opposite(arrival[h] as LinkId);
            else misrouted(pop, `no routing entry of chip (${from.x}, ${from.y}) matches key 0x${key.toString(16)} sent there`);
            for (let l = 0; l < 6; l++) {
                if ((outLinks & (1 << l)) === 0) continue;
                const next = neighbour(topology, coords[h], l as LinkId);
                if (!next) {
                    misrouted(pop, `key 0x${key.toString(16)} leaves chip (${coords[h].x}, ${coords[h].y}) on link ${l}, where there is no chip`);
                    continue;
                }
                const id = chipId(next.x, next.y);
                if (seen.has(id)) {
                    misrouted(pop, `key 0x${key.toString(16)} comes back to chip (${next.x}, ${next.y})`);
                    continue;
                }
                seen.add(id);
                chip.push(id);
                coords.push(next);
                arrival.push(opposite(l as LinkId));
                parent.push(h);
                link.push(chip[h] * 6 + l);
            }
        }
        return { chip, coords, parent, link, entries, signature };
    };

    // Keys that take the same entries everywhere and belong to the same source share one route.
    const routes = new Map<string, KeyRoute>();
    const findRoute = (pop: number, key: number, from: { x: number; y: number }): KeyRoute => {
        const hops = walk(pop, key, from);
        const source = sourceOf(key);
        const id = `${source}:${hops.signature.join(',')}`;
        const known = routes.get(id);
        if (known) return known;
        const pe: number[] = [];
        const at: number[] = [];
        hops.entries.forEach((entry, h) => {
            if (!entry) return;
            for (const local of localPes(entry)) {
                const target = hops.chip[h] * pesPerChip + local;
                if (source < 0 || !peSources.get(target)?.has(source)) {
                    misrouted(pop, `key 0x${key.toString(16)} reached PE ${local} of chip (${hops.coords[h].x}, ${hops.coords[h].y}), whose population table does not know it`);
                    continue;
                }
                pe.push(target);
                at.push(h);
            }
        });
        const route = { chip: Int32Array.from(hops.chip), parent: Int32Array.from(hops.parent), link: Int32Array.from(hops.link), pe: Int32Array.from(pe), at: Int32Array.from(at) };
        routes.set(id, route);
        return route;
    };

    const memo = network.populations.map((p) => new Array<KeyRoute | undefined>(p.population.size));
    const routeOf = (pop: number, neuron: number): KeyRoute | undefined => {
        const prog = program.populations[pop];
        if (!prog?.keys) return undefined;
        const s = Math.floor(neuron / prog.neuronsPerCore);
        const c = prog.chipOf[s];
        if (c === undefined || c < 0) return undefined;
        let route = memo[pop][neuron];
        if (!route) {
            const key = (prog.keys.base + s * 2 ** prog.keys.neuronBits + (neuron - s * prog.neuronsPerCore)) >>> 0;
            route = memo[pop][neuron] = findRoute(pop, key, program.chips[c]);
        }
        return route;
    };

    // Per neuron: 1 when its route reaches every PE holding a target of its synapses (then an
    // undropped packet needs no per-synapse check), 2 when it does not, 0 not known yet.
    const covered = network.populations.map((p) => new Uint8Array(p.population.size));
    let probe = -2;
    const coverageOf = (pop: number, neuron: number, route: KeyRoute): number => {
        probe--;
        for (let d = 0; d < route.pe.length; d++) stamp[route.pe[d]] = probe;
        for (const projection of network.outgoing[pop]) {
            const { start, post } = projection.rows;
            const pes = peOf[projection.post];
            for (let k = start[neuron]; k < start[neuron + 1]; k++) if (stamp[pes[post[k]]] !== probe) return 2;
        }
        return 1;
    };

    let alive = new Uint8Array(64);
    let nextId = 0;
    let tickPackets = 0;
    let tickDropped = 0;
    const uniquePes = [...new Set(placedPes)];

    return {
        stamp, peOf, peEvents, routeOf, peIndex,
        send(pop, neuron) {
            const route = routeOf(pop, neuron);
            if (!route) return -1;
            const id = nextId++;
            tickPackets++;
            const hops = route.chip.length;
            if (alive.length < hops) alive = new Uint8Array(2 * hops);
            let lost = false;
            for (let h = 0; h < hops; h++) {
                const reached = h === 0 || alive[route.parent[h]] === 1;
                const ok = reached && (h === 0 || links.take(route.link[h])) && routers.take(route.chip[h]);
                alive[h] = ok ? 1 : 0;
                if (reached && !ok) lost = true;
            }
            if (lost) tickDropped++;
            else {
                const known = covered[pop];
                if (known[neuron] === 0) known[neuron] = coverageOf(pop, neuron, route);
                if (known[neuron] === 1) return -1;
            }
            for (let d = 0; d < route.pe.length; d++) if (alive[route.at[d]] === 1) stamp[route.pe[d]] = id;
            return id;
        },
        endTick() {
            routers.endTick();
            links.endTick();
            for (const pe of uniquePes) {
                const n = peEvents[pe];
                if (n === 0) continue;
                peTotal[pe] += n;
                if (n > pePeak[pe]) pePeak[pe] = n;
                peEvents[pe] = 0;
            }
            const result = { packets: tickPackets, dropped: tickDropped };
            tickPackets = 0;
            tickDropped = 0;
            return result;
        },
        traffic() {
            const xy = (id: number) => ({ x: id % topology.width, y: Math.floor(id / topology.width) });
            const routerCounts: TrafficCount[] = [];
            let routerPackets = 0;
            for (let id = 0; id < chips; id++) {
                if (routers.total[id] > 0 || routers.dropped[id] > 0) {
                    routerCounts.push({ ...xy(id), packets: routers.total[id], dropped: routers.dropped[id], peakPerTick: routers.peak[id] });
                }
                routerPackets += routers.total[id];
            }
            const linkCounts: TrafficCount[] = [];
            let linkPackets = 0;
            for (let id = 0; id < chips * 6; id++) {
                if (links.total[id] === 0 && links.dropped[id] === 0) continue;
                linkCounts.push({ ...xy(Math.floor(id / 6)), link: id % 6, packets: links.total[id], dropped: links.dropped[id], peakPerTick: links.peak[id] });
                linkPackets += links.total[id];
            }
            const pes: PeLoad[] = uniquePes.map((pe) => {
                const chip = Math.floor(pe / pesPerChip);
                return { ...xy(chip), pe: pe - chip * pesPerChip, synapticEvents: peTotal[pe], peakPerTick: pePeak[pe] };
            });
            const chipsUsed = new Set(uniquePes.map((pe) => Math.floor(pe / pesPerChip))).size;
            return { routers: routerCounts, links: linkCounts, pes, routerPackets, linkPackets, chipsUsed, pesUsed: uniquePes.length };
        },
    };
}
