import type { Problem } from '../diagnostics/problem.js';
import type { Origin } from '../nir/origin.js';
import { chipExists } from './mesh.js';
import type { MeshTopology, MulticastSource } from './types.js';

const ROOT: Origin = { path: '/' };

/** Where a problem about a source points: its origin, or the document root. */
export function sourceOrigin(source: MulticastSource): Origin {
    return source.origin ?? ROOT;
}

/** A readable name for a source in messages. */
export function describeSource(source: MulticastSource, index: number): string {
    const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
    return `source ${index} (key ${hex(source.key)}/${hex(source.mask)} on chip (${source.chip.x}, ${source.chip.y}))`;
}

/**
 * Checks the sources before routing: keys inside their masks, source chips in the mesh, and no
 * two sources sharing a key (their packets could not be told apart). Returns which sources can
 * be routed (of two colliding sources, the first); the problems go to `problems`.
 */
export function checkSources(topology: MeshTopology, sources: readonly MulticastSource[], problems: Problem[]): boolean[] {
    const usable = sources.map((source, i) => {
        if (((source.key >>> 0) & ~source.mask) !== 0) {
            problems.push({
                code: 'routing/key-outside-mask', severity: 'error', origin: sourceOrigin(source),
                message: `The routing key of ${describeSource(source, i)} has bits set outside its mask, so no packet can match it.`,
            });
            return false;
        }
        if (!chipExists(topology, source.chip)) {
            problems.push({
                code: 'routing/unknown-chip', severity: 'error', origin: sourceOrigin(source),
                message: `${capitalise(describeSource(source, i))} sits on a chip that the ${topology.width} × ${topology.height} mesh does not have.`,
            });
            return false;
        }
        return true;
    });
    reportCollisions(sources, usable, problems);
    return usable;
}

/**
 * Reports each source whose keys overlap an earlier source's keys (two sources, one packet) and
 * marks it unusable, so that the tables stay unambiguous.
 */
function reportCollisions(sources: readonly MulticastSource[], usable: boolean[], problems: Problem[]): void {
    const byMask = new Map<number, number[]>();
    sources.forEach((source, i) => {
        if (!usable[i]) return;
        const mask = source.mask >>> 0;
        const group = byMask.get(mask);
        if (group === undefined) byMask.set(mask, [i]);
        else group.push(i);
    });
    const masks = [...byMask.keys()];
    const reported = new Set<number>();
    for (let a = 0; a < masks.length; a++) {
        for (let b = a; b < masks.length; b++) {
            const common = (masks[a] & masks[b]) >>> 0;
            const seen = new Map<number, number>();
            for (const i of byMask.get(masks[a])!) if (!seen.has(sources[i].key & common)) seen.set(sources[i].key & common, i);
            for (const j of byMask.get(masks[b])!) {
                const i = seen.get(sources[j].key & common);
                if (i === undefined || i === j || reported.has(Math.max(i, j))) continue;
                const [first, second] = i < j ? [i, j] : [j, i];
                reported.add(second);
                usable[second] = false;
                problems.push({
                    code: 'routing/key-collision', severity: 'error', origin: sourceOrigin(sources[second]),
                    message: `${capitalise(describeSource(sources[second], second))} shares keys with ${describeSource(sources[first], first)}; routers cannot tell their packets apart.`,
                    related: [{ message: 'the other source', origin: sourceOrigin(sources[first]) }],
                });
            }
        }
    }
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
