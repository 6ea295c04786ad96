import type { NodeKind, ParamKind, ParamSpec, Shape } from '../../plugins/node-kind.js';

/** A built-in NIR node kind: a `NodeKind` that also says, in words, how its shapes are found. */
export interface NirNodeKind extends NodeKind {
    /** The shape rule in one or two plain sentences, for `docs/node-kinds.md` and hover. */
    readonly shapeRule: string;
}

/** The optional parts of a parameter description. */
type ParamExtras = Partial<Pick<ParamSpec, 'unit' | 'defaultValue' | 'legacy'>>;

/** A required parameter. */
export function required(name: string, kind: ParamKind, doc: string, extras: ParamExtras = {}): ParamSpec {
    return { name, kind, required: true, doc, ...extras };
}

/** An optional parameter (NIR's reader fills it in or infers it when a file lacks it). */
export function optional(name: string, kind: ParamKind, doc: string, extras: ParamExtras = {}): ParamSpec {
    return { name, kind, required: false, doc, ...extras };
}

/** Shapes are equal when they have the same rank and the same dimensions. */
export function sameShape(a: Shape | undefined, b: Shape | undefined): boolean {
    return a !== undefined && b !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A shape as it reads in messages: `[2, 10, 12]`, `[]` for a scalar. */
export function formatShape(shape: Shape | undefined): string {
    return shape ? `[${shape.join(', ')}]` : 'unknown';
}
