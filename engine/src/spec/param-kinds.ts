import type { DType } from '../nir/value.js';
import type { NodeKind, ParamKind } from '../plugins/node-kind.js';

/**
 * How a node's keys are read, shared by the parser and the formatter so that what one writes the
 * other reads back the same.
 */

/**
 * The kind a parameter is read as: the registered kind's `ParamSpec.kind`; `shape` for a `shape`
 * key the kind does not declare (Input/Output-like nodes of unknown kinds); undefined for any
 * other undeclared parameter (read like a tensor, strings kept).
 */
export function paramKindOf(kind: NodeKind | undefined, name: string): ParamKind | undefined {
    return kind?.params.find((p) => p.name === name)?.kind ?? (name === 'shape' ? 'shape' : undefined);
}

/** True when a node's `shape:` key is the YAML-only element shape (a known kind with no `shape` parameter). */
export function hasYamlOnlyShape(kind: NodeKind | undefined): boolean {
    return kind !== undefined && !kind.params.some((p) => p.name === 'shape');
}

/** True for the integer parameter kinds (`int`, `int-or-pair`, `padding`, `shape`). */
export function isIntegerParamKind(kind: ParamKind | undefined): boolean {
    return kind !== undefined && kind !== 'tensor';
}

/** The dtype bare numbers and lists of a parameter get: int64 for integer kinds, else float32. */
export function defaultParamDType(kind: ParamKind | undefined): DType {
    return isIntegerParamKind(kind) ? 'int64' : 'float32';
}
