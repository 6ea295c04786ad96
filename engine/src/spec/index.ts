/**
 * The `*.nir.yaml` spec language: text ⇄ NIR model.
 *
 * Architecture invariants:
 * - `parseSpec` never throws and is bounded: the raw text is pre-scanned (nesting, item count)
 *   before the YAML parser runs, aliases are measured before anything walks them, and declared
 *   shapes never allocate (scalars and generators stay `generated` recipes).
 * - Every model element keeps an origin: its NIR tree path (as in the HDF5 layout) plus the UTF-16
 *   spans of its value and key. Problems point at the tightest span that explains them.
 * - Parameter kinds come from the caller (`nodeKinds`); unknown types and parameters are kept
 *   for the graph checks. Files are read only through the caller's resolver.
 * - `formatSpec` writes what `parseSpec` reads back identically; both share `param-kinds.ts`.
 * - Problems are built as `{ code: 'spec/…', … }` literals so the docs test finds every code.
 * - Rewrites of a spec (`flattenNestedGraph`) are pure: text and model in, non-overlapping
 *   `TextEdit`s out (the editor's quick fixes serve them), or a reason when a part has no span.
 */
export * from './parse-spec.js';
export { decodeSpecBytes } from './decode-utf8.js';
export { formatSpec, type SpecFormatOptions } from './format-spec.js';
export { GENERATOR_NAMES, type GeneratorName } from './generator-form.js';
export { VALUE_FORM_KEYS } from './value-form.js';
export { flattenNestedGraph, type FlattenResult } from './flatten-nested-graph.js';
export { applyEdits, removeListEntry, skipWhile, type TextEdit } from './text-edits.js';
