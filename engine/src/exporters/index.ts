/**
 * Exporters: write a checked, mapped network for another engine (`nirmesh export --to ID`).
 *
 * Architecture invariants:
 * - Pure: an exporter returns its files as text or bytes (`ExportedFile`); the CLI or the server
 *   writes them, and never over a user's files without being asked.
 * - An exporter writes what NIRmesh checked and mapped: models, integer weights and delays come
 *   from `synapsePlan`, neurons per core from the mapping; what it cannot write is a problem with
 *   an origin (`export/cannot-write`), never a silent change.
 */
import type { Exporter } from '../plugins/exporter.js';
import { PY_SPINNAKER2_EXPORTER } from './py-spinnaker2/index.js';

/** The shipped exporters. */
export const EXPORTERS: readonly Exporter[] = [PY_SPINNAKER2_EXPORTER];
