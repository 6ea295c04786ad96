/**
 * Suggestions for misspelt names (node types, node names, parameters, value forms).
 */

/** Names longer than this get no suggestion (edit distance is quadratic). */
const MAX_SUGGEST_LENGTH = 64;

/** A candidate that `name` abbreviates, else the one closest by edit distance if close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    if (name.length > MAX_SUGGEST_LENGTH) return undefined;
    const list = [...candidates];
    const lower = name.toLowerCase();
    const extended = lower.length >= 3 ? list.find((c) => c.toLowerCase().startsWith(lower) && c.length > name.length) : undefined;
    if (extended) return extended;
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of list) {
        if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, O(|a|·|b|) with two rows; names are short. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** ` Did you mean 'x'?` when a close candidate exists, else an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
    const suggestion = closestName(name, candidates);
    return suggestion ? ` Did you mean '${suggestion}'?` : '';
}
