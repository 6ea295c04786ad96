/**
 * Engine values → LSP values.
 *
 * Architecture invariants:
 * - This folder is the only place in the project that turns spans into LSP positions, and it does
 *   so with `TextDocument.positionAt` on the exact text version the spans were computed from.
 * - Conversion is pure: no connection, no document store, no I/O except reading the docs index once.
 * - Ranges are tight (never a whole block, never to the end of the file); problems without a place
 *   in the text (`.nir` files) sit at the file's start and name their HDF5 path in the message.
 */
export { originRange, FILE_START } from './origin-range.js';
export { toDiagnostic, toDiagnostics, DIAGNOSTIC_SOURCE, MAX_DIAGNOSTICS, type ConvertTarget } from './to-diagnostics.js';
export { createDocsLink, headingAnchor } from './docs-link.js';
