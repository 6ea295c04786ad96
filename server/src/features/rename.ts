import {
    LSPErrorCodes,
    ResponseError,
    type PrepareRenameParams,
    type Range,
    type RenameParams,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver';
import type { NirEdge, Span } from '../../../engine/src/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import { nameAt } from './navigation.js';
import { onReadyDocument, toRange, type ReadyDocument } from './ready-document.js';
import { yamlName } from './yaml-names.js';

/** A name that can stand inside an `a -> b` edge string. */
const ARROW_SAFE = /^[^\s'"#,[\]{}:]+$/;

/** Why a rename cannot happen, as the editor shows it. */
function refuse(message: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** The range and current name of the node name at an offset, or why it cannot be renamed. */
export function prepareRenameAt(ready: ReadyDocument, offset: number): { range: Range; placeholder: string } | ResponseError<void> | null {
    const at = nameAt(ready, offset);
    if (!at) return null;
    if (!at.node) return refuse(`There is no node named '${at.name}' in this graph to rename; fix the edge or create the node first.`);
    return { range: toRange(ready.text, at.span), placeholder: at.name };
}

/**
 * Renames the node at an offset across its key and every edge end of its graph level. Refuses
 * names with `/` (NIR stores names as HDF5 links), empty names and names already taken.
 */
export function renameAt(ready: ReadyDocument, offset: number, newName: string): WorkspaceEdit | ResponseError<void> | null {
    const at = nameAt(ready, offset);
    if (!at) return null;
    if (!at.node) return refuse(`There is no node named '${at.name}' in this graph to rename.`);
    if (newName.trim() === '') return refuse('A node name cannot be empty.');
    if (newName.includes('/')) return refuse(`'${newName}' contains '/': NIR stores node names as HDF5 group names, which cannot contain '/'.`);
    if (newName === at.name) return { changes: {} };
    if (at.graph.nodes?.has(newName)) return refuse(`A node named '${newName}' already exists in this graph.`);
    const text = ready.text.getText();
    const edit = (span: Span, newText: string): TextEdit => ({ range: toRange(ready.text, span), newText });
    const edits: TextEdit[] = [];
    const key = at.node.origin.keySpan;
    if (key) edits.push(edit(key, nameText(text, key, newName, false) ?? JSON.stringify(newName)));
    const sites = ready.index.referencesTo(at.graph, at.name).filter((site) => site.span.start >= 0);
    const written = sites.map((site) => nameText(text, site.span, newName, isArrowEdge(text, site.edge)));
    // An `a -> b` edge that cannot hold the new name is rewritten whole as `[a, "new name"]`.
    const whole = new Set(sites.filter((_, i) => written[i] === undefined).map((site) => site.edge));
    for (const edge of whole) if (edge.origin.span) edits.push(edit(edge.origin.span, listEdge(edge, at.name, newName)));
    sites.forEach((site, i) => {
        if (!whole.has(site.edge)) edits.push(edit(site.span, written[i] as string));
    });
    return { changes: { [ready.snapshot.uri]: edits } };
}

function isArrowEdge(text: string, edge: NirEdge): boolean {
    const span = edge.origin.span;
    return !!span && text.slice(span.start, span.end).includes('->');
}

/**
 * How to write `name` in place of the scalar at `span`: keeping the quotes it stands in (or
 * includes), plain when YAML reads it back unchanged, else double-quoted. Undefined when it cannot
 * stand inside an `a -> b` string.
 */
function nameText(text: string, span: Span, name: string, inArrow: boolean): string | undefined {
    const first = text[span.start];
    const before = text[span.start - 1];
    const after = text[span.end];
    if (inArrow) return ARROW_SAFE.test(name) && !name.includes('->') ? name : undefined;
    if (first === '"' || first === "'") return JSON.stringify(name);
    if (before === '"' && after === '"') return JSON.stringify(name).slice(1, -1);
    if (before === "'" && after === "'") return name.replace(/'/g, "''");
    return yamlName(name);
}

/** An edge in the list form with one name replaced: `[a, "new name"]`. */
function listEdge(edge: NirEdge, from: string, to: string): string {
    const write = (name: string): string => yamlName(name === from ? to : name);
    return `[${write(edge.source)}, ${write(edge.target)}]`;
}

/** Rename of a node across its edges, with `prepareRename`. */
export const renameFeature: Feature = {
    id: 'rename',
    capabilities: { renameProvider: { prepareProvider: true } },
    register(ctx) {
        ctx.connection.onPrepareRename(onReadyDocument(ctx, 'prepareRename', DocumentState.Parsed, (ready, params: PrepareRenameParams) =>
            prepareRenameAt(ready, ready.text.offsetAt(params.position))));
        ctx.connection.onRenameRequest(onReadyDocument(ctx, 'rename', DocumentState.Parsed, (ready, params: RenameParams) =>
            renameAt(ready, ready.text.offsetAt(params.position), params.newName)));
    },
};
