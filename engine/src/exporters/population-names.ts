import type { Population } from '../machine/machine-graph.js';

/**
 * Each population's name in an exported script: the node's name, or its path (`rnn.lif`, without
 * `/node/nodes/`) where nested graphs repeat a name.
 */
export function uniqueNames(pops: readonly Population[]): string[] {
    const counts = new Map<string, number>();
    for (const p of pops) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    return pops.map((p) => ((counts.get(p.name) ?? 0) > 1 ? nirPathOf(p.path).join('.') : p.name));
}

/** `/node/nodes/rnn/nodes/lif` → `['rnn', 'lif']`: where a node's data goes in a NIRData file. */
export function nirPathOf(path: string): string[] {
    return path.split('/nodes/').slice(1);
}
