import type { Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yaml-ast.js';
import type { Problem, Severity } from '../diagnostics/problem.js';
import type { Origin } from '../nir/origin.js';
import type { Span } from '../text/span.js';
import type { SpecParseOptions } from './parse-spec.js';
import type { AliasTable } from './aliases.js';

/** A YAML node with its source range, as the parser builds them. */
type Ranged = { range?: readonly [number, number, number] | null };

/** A problem as lowering reports it: the severity is `error` unless given. */
export interface Finding {
    readonly code: string;
    readonly severity?: Severity;
    readonly message: string;
    readonly origin: Origin;
}

/** One `key: value` entry of a YAML mapping, aliases resolved. */
export interface MapEntry {
    /** The key as written (plain keys exactly as in the text, quoted keys unquoted). */
    readonly name: string;
    readonly keyNode: YamlNode;
    /** The value, or undefined for `key:` with nothing after it. */
    readonly value?: YamlNode;
}

/** Everything lowering needs: the text, the options, the problems found so far and alias resolution. */
export class SpecContext {
    readonly problems: Problem[] = [];
    private readonly duplicates = new Set<YamlNode>();

    constructor(readonly text: string, readonly options: SpecParseOptions, private readonly aliases: AliasTable) {}

    /** Records a problem; its severity defaults to `error`. */
    report(finding: Finding): void {
        this.problems.push({ ...finding, severity: finding.severity ?? 'error' });
    }

    /** Resolves an alias to its anchored node (undefined when the anchor is unknown); other nodes are returned as they are. */
    deref(node: YamlNode | null | undefined): YamlNode | undefined {
        if (!node) return undefined;
        return isAlias(node) ? this.aliases.targets.get(node) : node;
    }

    /** The node's value range (without trailing comments), clamped into the text. */
    span(node: YamlNode | null | undefined): Span | undefined {
        const range = (node as Ranged | null | undefined)?.range;
        if (!range) return undefined;
        const start = Math.min(Math.max(0, range[0]), this.text.length);
        return { start, end: Math.min(Math.max(start, range[1]), this.text.length) };
    }

    /** An origin for a value at `path`, with the value's and the key's spans. */
    origin(path: string, value?: YamlNode | null, key?: YamlNode | null): Origin {
        const span = this.span(value) ?? this.span(key);
        const keySpan = this.span(key);
        return { path, ...(span ? { span } : {}), ...(keySpan ? { keySpan } : {}) };
    }

    /** The origin a problem about a value should point at: the value, or its key when the value is empty. */
    problemOrigin(path: string, value?: YamlNode | null, key?: YamlNode | null): Origin {
        const origin = this.origin(path, value, key);
        const keySpan = origin.keySpan;
        return origin.span && origin.span.end === origin.span.start && keySpan ? { ...origin, span: keySpan } : origin;
    }

    /** A scalar's text as written (plain scalars verbatim, so `0` and `1.0` stay names, not numbers). */
    scalarText(scalar: Scalar): string {
        if (scalar.type === 'PLAIN') {
            // The parser keeps a plain scalar's folded source text; fall back to the raw text.
            if (typeof scalar.source === 'string') return scalar.source;
            const span = this.span(scalar);
            if (span) return this.text.slice(span.start, span.end).trim();
        }
        return scalar.value === null || scalar.value === undefined ? '' : String(scalar.value);
    }

    /**
     * The entries of a mapping in order, aliases resolved. A key repeated later in the same mapping
     * is reported as `yaml/duplicate-key` (once, however often the mapping is read) and skipped.
     * (The YAML parser's own check is off: it is quadratic in the number of keys.)
     */
    entries(map: YAMLMap): MapEntry[] {
        const seen = new Set<string>();
        const result: MapEntry[] = [];
        for (const pair of map.items as Pair<YamlNode | null, YamlNode | null>[]) {
            const key = this.deref(pair.key);
            if (!key) continue;
            const name = isScalar(key) ? this.scalarText(key) : this.text.slice(this.span(key)?.start ?? 0, this.span(key)?.end ?? 0);
            if (seen.has(name)) {
                this.reportDuplicate(pair.key as YamlNode, name);
                continue;
            }
            seen.add(name);
            result.push({ name, keyNode: key, value: this.deref(pair.value) });
        }
        return result;
    }

    private reportDuplicate(key: YamlNode, name: string): void {
        if (this.duplicates.has(key)) return;
        this.duplicates.add(key);
        this.report({
            code: 'yaml/duplicate-key',
            message: `'${name}' is already a key of this mapping; this later entry is ignored.`,
            origin: { path: '/', span: this.span(key) ?? { start: 0, end: 0 } },
        });
    }
}

/** How a YAML node reads in a message: "a mapping", "a list", "the string 'x'", "the number 3". */
export function describeNode(node: YamlNode | undefined): string {
    if (!node || (isScalar(node) && (node.value === null || node.value === undefined))) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isPair(node)) return 'a key: value pair';
    if (isScalar(node)) {
        if (typeof node.value === 'string') return `the string '${truncate(node.value)}'`;
        if (typeof node.value === 'boolean') return `'${String(node.value)}'`;
        return `the number ${String(node.value)}`;
    }
    return 'an unknown alias';
}

function truncate(s: string): string {
    return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** True for a scalar holding null (`~`, `null`, or nothing at all). */
export function isNullScalar(node: YamlNode | undefined): boolean {
    return !node || (isScalar(node) && (node.value === null || node.value === undefined));
}
