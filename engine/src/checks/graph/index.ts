import type { Check } from '../../plugins/check.js';

/** Checks on the NIR graph alone (no hardware target). (Stub: filled in by the graph-check work.) */
export const GRAPH_CHECKS: readonly Check[] = [];
