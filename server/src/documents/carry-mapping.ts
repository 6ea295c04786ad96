import type { NirDict, NirDocument, NirNode, Origin, Problem, Registry } from '../../../engine/src/index.js';
import type { DocumentSnapshot } from '../server-context.js';

/** Added to the message of a mapping problem shown again after edits. */
export const CARRIED_NOTE = ' (from the last mapping, until the next one)';

/** Every origin of a document by its NIR path: nodes, types, parameters, metadata entries, edges. */
function originsByPath(document: NirDocument): Map<string, Origin> {
    const origins = new Map<string, Origin>();
    const dict = (value: NirDict) => {
        origins.set(value.origin.path, value.origin);
        for (const entry of value.entries.values()) {
            if (entry.kind === 'dict') dict(entry);
            else origins.set(entry.origin.path, entry.origin);
        }
    };
    const node = (n: NirNode) => {
        origins.set(n.origin.path, n.origin);
        origins.set(n.typeOrigin.path, n.typeOrigin);
        for (const value of n.params.values()) {
            if (value.kind === 'dict') dict(value);
            else origins.set(value.origin.path, value.origin);
        }
        dict(n.metadata);
        for (const child of n.nodes?.values() ?? []) node(child);
        for (const edge of n.edges ?? []) origins.set(edge.origin.path, edge.origin);
    };
    node(document.root);
    return origins;
}

/** The origin a path has now, or that of its nearest ancestor still there (a node whose hint was removed). */
function reanchor(origin: Origin, origins: ReadonlyMap<string, Origin>): Origin | undefined {
    for (let path = origin.path; path.lastIndexOf('/') > 0; path = path.slice(0, path.lastIndexOf('/'))) {
        const found = origins.get(path);
        if (found) return { path: origin.path, span: found.span, keySpan: found.keySpan };
    }
    return undefined;
}

/** The problems of a mapped snapshot that only the mapping finds: the mapper's own and those of slow checks. */
function mappingProblems(mapped: DocumentSnapshot, registry: Registry): Problem[] {
    const fromMapper = new Set(mapped.result.mapping?.problems ?? []);
    const slow = new Set(registry.checks.all().filter((check) => check.category === 'slow').map((check) => check.id));
    return mapped.problems.filter((p) => fromMapper.has(p) || slow.has(p.code));
}

/**
 * The mapping problems of an earlier version, placed in a newer document by their NIR paths, so
 * that resource errors found on save stay in view while the user types (as a compiler's errors
 * stay until the next build) instead of vanishing at the first keystroke. A problem whose node is
 * gone is dropped; the message says where it comes from. Replaced by the next mapping.
 */
export function carryMappingProblems(mapped: DocumentSnapshot, document: NirDocument, registry: Registry): Problem[] {
    const origins = originsByPath(document);
    const carried: Problem[] = [];
    for (const problem of mappingProblems(mapped, registry)) {
        const origin = reanchor(problem.origin, origins);
        if (!origin) continue;
        const related = problem.related?.flatMap((r) => {
            const moved = reanchor(r.origin, origins);
            return moved ? [{ ...r, origin: moved }] : [];
        });
        carried.push({ ...problem, origin, message: problem.message + CARRIED_NOTE, ...(related ? { related } : {}) });
    }
    return carried;
}
