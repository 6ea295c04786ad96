/**
 * The documents the server knows and the per-document state machine.
 *
 * Architecture invariants:
 * - Input is immutable and versioned: each edit or file read is a new `DocumentInput`; each
 *   `DocumentSnapshot` holds the exact text its spans refer to.
 * - Staleness is decided in one place, `DocumentStore.accept`: work for an older generation (an
 *   older version, or settings that have since changed) is dropped, never stored or published.
 * - Nothing here speaks LSP beyond its plain types; publishing and requests live in `handlers/`.
 * - Loading is cached by version (and by identical text), so re-checks skip reading.
 */
export { documentFormat, specInput, SPEC_LANGUAGE_ID, type DocumentFormat, type DocumentInput, type SpecInput, type NirInput } from './document-input.js';
export { DocumentStore, type SnapshotListener } from './document-store.js';
export { LoadCache, type LoadOptions, type NirBytesReader } from './load-cache.js';
export { Pipeline, analyzeOptions, type PipelineRun } from './pipeline.js';
export { readNirInput, specFileResolver, filePathOf, MAX_NIR_BYTES } from './file-access.js';
