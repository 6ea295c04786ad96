import type { NirDocument, NirNode } from '../nir/graph.js';
import type { NirDict, NirValue, Tensor } from '../nir/value.js';
import type { NodeKind } from '../plugins/node-kind.js';
import { elementCount } from '../nir/value.js';
import { readElement } from '../nir/dtype-codec.js';
import { formatElement } from './format-number.js';
import { formatList, formatString, formatTensor, isTensor, type YamlText } from './format-value.js';
import { defaultParamDType, hasYamlOnlyShape, isIntegerParamKind, paramKindOf } from './param-kinds.js';

/** Options for writing a spec. */
export interface SpecFormatOptions {
    /**
     * The registered kind of a type, as given to `parseSpec`: with it the writer leaves out
     * default dtypes of integer parameters and writes broadcast scalars with a node `shape:`.
     * Read the text back with the same kinds.
     */
    readonly nodeKinds?: (type: string) => NodeKind | undefined;
}

/**
 * Writes the NIR model as `*.nir.yaml` text that `parseSpec` reads back to the same names,
 * types, parameters, dtypes, values (bit for bit, NaN payloads aside), metadata, nesting and
 * edges. Arrays take their most compact lossless form; generated tensors stay generators.
 */
export function formatSpec(document: NirDocument, options: SpecFormatOptions = {}): string {
    const lines: string[] = [];
    if (document.version !== undefined) lines.push(`version: ${JSON.stringify(document.version)}`);
    lines.push('node:');
    writeNode(lines, document.root, '  ', options);
    return `${lines.join('\n')}\n`;
}

function writeNode(lines: string[], node: NirNode, indent: string, options: SpecFormatOptions): void {
    lines.push(`${indent}type: ${formatString(node.type)}`);
    const kind = options.nodeKinds?.(node.type);
    const bare = bareScalars(node, kind);
    if (bare) lines.push(`${indent}shape: [${bare.shape.join(', ')}]`);
    for (const [name, value] of node.params) {
        if (bare?.names.has(name) && isTensor(value)) {
            lines.push(`${indent}${formatString(name)}: ${scalarOf(value)}`);
            continue;
        }
        const paramKind = paramKindOf(kind, name);
        const text = isTensor(value)
            ? formatTensor(value, { defaultDType: defaultParamDType(paramKind), broadcasts: !isIntegerParamKind(paramKind), compact: !isIntegerParamKind(paramKind) })
            : formatMetadataValue(value);
        writeEntry(lines, indent, name, text);
    }
    if (node.nodes) {
        if (node.nodes.size === 0) lines.push(`${indent}nodes: {}`);
        else {
            lines.push(`${indent}nodes:`);
            for (const [name, child] of node.nodes) {
                lines.push(`${indent}  ${formatString(name)}:`);
                writeNode(lines, child, `${indent}    `, options);
            }
        }
    }
    if (node.edges) {
        if (node.edges.length === 0) lines.push(`${indent}edges: []`);
        else {
            lines.push(`${indent}edges:`);
            for (const edge of node.edges) lines.push(`${indent}  - [${formatString(edge.source)}, ${formatString(edge.target)}]`);
        }
    }
    if (node.metadata.entries.size > 0) writeEntry(lines, indent, 'metadata', formatMetadataValue(node.metadata));
}

function writeEntry(lines: string[], indent: string, key: string, text: YamlText): void {
    if ('inline' in text) lines.push(`${indent}${formatString(key)}: ${text.inline}`);
    else {
        lines.push(`${indent}${formatString(key)}:`);
        for (const line of text.block) lines.push(`${indent}  ${line}`);
    }
}

/**
 * For a known kind without a `shape` parameter: the float32 tensor parameters that hold one value
 * over a common non-scalar shape, which can be written as bare numbers under a node `shape:`.
 */
function bareScalars(node: NirNode, kind: NodeKind | undefined): { shape: readonly number[]; names: Set<string> } | undefined {
    if (!hasYamlOnlyShape(kind)) return undefined;
    let shape: readonly number[] | undefined;
    const names = new Set<string>();
    for (const [name, value] of node.params) {
        if (name === 'weight' || !isTensor(value) || value.dtype !== 'float32' || paramKindOf(kind, name) !== 'tensor') continue;
        if (value.shape.length === 0 || scalarOf(value) === undefined) continue;
        if (shape && shape.join() !== value.shape.join()) continue;
        shape = value.shape;
        names.add(name);
    }
    return shape ? { shape, names } : undefined;
}

/** The one value of a float32 tensor that holds a single value everywhere, as text; undefined otherwise. */
function scalarOf(tensor: Tensor): string | undefined {
    if (tensor.source.kind === 'generated') {
        const g = tensor.source.generator;
        if (g.kind === 'constant') return formatTensorScalar(tensor, g.value);
        if (g.kind === 'zeros' || g.kind === 'ones') return formatTensorScalar(tensor, g.kind === 'ones' ? 1 : 0);
        return undefined;
    }
    const data = tensor.source.data;
    if (data.length === 0 || elementCount(tensor.shape) !== data.length) return undefined;
    const first = readElement(tensor.dtype, data, 0);
    for (let i = 1; i < data.length; i++) if (!Object.is(readElement(tensor.dtype, data, i), first)) return undefined;
    return formatElement(tensor.dtype, data, 0);
}

function formatTensorScalar(tensor: Tensor, value: number): string {
    return formatElement(tensor.dtype, new Float32Array([value]), 0);
}

/** A metadata value: strings, numbers typed by their spelling, lists, groups, explicit arrays. */
function formatMetadataValue(value: NirValue): YamlText {
    if (value.kind === 'string') return { inline: formatString(value.value) };
    if (value.kind === 'dict') return formatDict(value);
    return formatMetadataTensor(value);
}

function formatDict(dict: NirDict): YamlText {
    if (dict.entries.size === 0) return { inline: '{}' };
    const values = [...dict.entries.values()];
    const keys = [...dict.entries.keys()];
    const isList = keys.every((k, i) => k === String(i)) && values.some((v) => v.kind !== 'tensor');
    const lines: string[] = [];
    if (isList) {
        const items = values.map(formatMetadataValue);
        const inline = items.every((t) => 'inline' in t) ? `[${items.map((t) => ('inline' in t ? t.inline : '')).join(', ')}]` : undefined;
        if (inline && inline.length <= 80) return { inline };
        for (const item of items) appendItem(lines, '- ', item);
        return { block: lines };
    }
    for (const [key, item] of dict.entries) writeEntry(lines, '', key, formatMetadataValue(item));
    return { block: lines };
}

function appendItem(lines: string[], marker: string, text: YamlText): void {
    if ('inline' in text) lines.push(`${marker}${text.inline}`);
    else if (text.block.length > 0) lines.push(`${marker}${text.block[0]}`, ...text.block.slice(1).map((l) => `  ${l}`));
    else lines.push(`${marker}{}`);
}

/**
 * Metadata arrays whose spelling gives their dtype (int64 and bool scalars and lists, float64
 * ones with at least one element) are written bare; anything else as `{dtype, …}`.
 */
function formatMetadataTensor(tensor: Tensor): YamlText {
    const spelled = tensor.source.kind === 'dense' && ['int64', 'float64', 'bool'].includes(tensor.dtype) && elementCount(tensor.shape) > 0;
    if (spelled && tensor.source.kind === 'dense') {
        return tensor.shape.length === 0 ? { inline: formatElement(tensor.dtype, tensor.source.data, 0) } : formatList(tensor.dtype, tensor.source.data, tensor.shape);
    }
    if (tensor.dtype === 'float64' && tensor.source.kind === 'dense' && tensor.shape.length === 1) return { inline: '[]' };
    return formatTensor(tensor, { broadcasts: false, compact: false });
}
