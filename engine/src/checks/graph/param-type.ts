import type { ParamKind } from '../../plugins/node-kind.js';
import type { NirValue } from '../../nir/value.js';
import { graphCheck } from './graph-check.js';
import { smallNumbers } from '../../nir/kinds/param-values.js';

/** What a parameter kind takes, for messages. */
export function expectedValue(kind: ParamKind): string {
    switch (kind) {
        case 'tensor': return 'numbers';
        case 'int': return 'a whole number';
        case 'int-or-pair': return 'a whole number or a pair of whole numbers';
        case 'padding': return 'whole numbers, same or valid';
        case 'shape': return 'a shape (a list of whole numbers)';
    }
}

/** Why a value does not fit its parameter kind, or undefined when it does. */
function mismatch(value: NirValue, kind: ParamKind): string | undefined {
    if (value.kind === 'dict') return 'a group of values';
    if (value.kind === 'string') {
        if (kind === 'padding' && (value.value === 'same' || value.value === 'valid')) return undefined;
        return `the string '${value.value.length > 40 ? `${value.value.slice(0, 37)}…` : value.value}'`;
    }
    if (kind === 'tensor') return undefined;
    const fractional = smallNumbers(value)?.find((x) => !Number.isInteger(x));
    return fractional === undefined ? undefined : `${fractional}`;
}

/** A parameter holds the wrong sort of value: a string or group where numbers belong, a fraction where a whole number does. */
export const PARAM_TYPE = graphCheck({
    id: 'nir/param-type',
    severity: 'error',
    title: 'A parameter holds the wrong sort of value (a string where numbers are needed, a fraction where a whole number is).',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            for (const param of kind?.params ?? []) {
                const value = node.params.get(param.name);
                const found = value && mismatch(value, param.kind);
                if (!value || !found) continue;
                ctx.report({
                    code: 'nir/param-type',
                    severity: 'error',
                    message: `${param.name} of ${kind!.id} '${node.name}' takes ${expectedValue(param.kind)}; found ${found}.`,
                    origin: value.origin,
                });
            }
        }
    },
});
