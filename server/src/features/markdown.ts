import type { Generator, NirValue, NodeKind, ParamSpec, Shape } from '../../../engine/src/index.js';
import { maxOf } from '../../../engine/src/index.js';

/**
 * Inline code that shows any text literally: the fence is longer than any run of backticks in
 * it, so names with markup in them (`<img>`, `**x**`) are never rendered.
 */
export function code(text: string): string {
    const longest = maxOf((text.match(/`+/g) ?? []).map((run) => run.length), 0);
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}

/** A shape as NIR writes it: `[8, 4]`, `[]` for a scalar. */
export function shapeText(shape: Shape | undefined): string {
    return shape ? `[${shape.join(', ')}]` : 'unknown';
}

/** One line about a parameter: `tensor · ms · default 0 · required`. */
export function paramDetail(param: ParamSpec): string {
    const parts: string[] = [param.kind];
    if (param.unit) parts.push(param.unit);
    if (param.defaultValue !== undefined) parts.push(`default ${param.defaultValue}`);
    parts.push(param.required ? 'required' : 'optional');
    return parts.join(' · ');
}

/** A node kind's documentation: summary, equation and parameters. */
export function kindMarkdown(kind: NodeKind): string {
    const lines = [kind.summary];
    if (kind.equation) lines.push('', '```text', kind.equation, '```');
    if (kind.params.length > 0) {
        lines.push('', ...kind.params.map((p) => `- ${code(p.name)} (${paramDetail(p)}): ${p.doc}`));
    }
    return lines.join('\n');
}

/** What a value is: `float32 [8, 4], normal(mean 0, std 0.5, seed 1)`, `string "same"`. */
export function valueText(value: NirValue): string {
    if (value.kind === 'string') return `string ${code(value.value)}`;
    if (value.kind === 'dict') return `mapping of ${value.entries.size} entries`;
    const source = value.source.kind === 'generated' ? `, ${generatorText(value.source.generator)}` : '';
    return `${value.dtype} ${shapeText(value.shape)}${source}`;
}

/** A generator recipe in words. */
export function generatorText(g: Generator): string {
    switch (g.kind) {
        case 'zeros':
        case 'ones':
            return g.kind;
        case 'constant':
            return `constant ${g.value}`;
        case 'uniform':
            return `uniform(low ${g.low}, high ${g.high}, seed ${g.seed})`;
        case 'normal':
            return `normal(mean ${g.mean}, std ${g.std}, seed ${g.seed})`;
        case 'fixed_probability':
            return `fixed probability ${g.p} of ${generatorText(g.weight)}, seed ${g.seed}`;
        case 'one_to_one':
            return `one to one of ${g.value}`;
    }
}
