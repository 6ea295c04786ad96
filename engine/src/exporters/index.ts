/**
 * Exporters: write a checked, mapped network for another engine (`nirmesh export --to ID`).
 *
 * Architecture invariants:
 * - Pure: an exporter returns its files as text or bytes (`ExportedFile`); the CLI or the server
 *   writes them, and never over a user's files without being asked.
 * - An exporter writes what NIRmesh checked (and, for one that `needsMapping`, mapped:
 *   py-spinnaker2's models, integer weights and delays come from `synapsePlan`, neurons per core
 *   from the mapping); what it cannot write is an error with an origin (`export/cannot-write`),
 *   and what it can only approximate a warning (`export/approximation`), never a silent change.
 */
import type { Exporter } from '../plugins/exporter.js';
import { PY_SPINNAKER2_EXPORTER } from './py-spinnaker2/index.js';
import { PYNN_EXPORTER } from './pynn/index.js';

/** The shipped exporters. */
export const EXPORTERS: readonly Exporter[] = [PY_SPINNAKER2_EXPORTER, PYNN_EXPORTER];
