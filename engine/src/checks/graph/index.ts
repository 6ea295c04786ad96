/**
 * The checks on the NIR graph alone (no hardware target), one rule per file; each check's id is
 * its diagnostic code and has one entry in docs/diagnostics/nir.md.
 *
 * Architecture invariants:
 * - Checks read the `GraphAnalysis` and the document; they never mutate either and never
 *   allocate per element of a declared shape.
 * - One mistake, one problem: checks skip what another check owns (unknown types get no parameter
 *   checks, unknown shapes no edge-shape check, graphs without an Input no reachability warnings).
 * - Origins are tight: a node's name, a parameter's value or key, an edge or one of its names.
 */
import type { Check } from '../../plugins/check.js';
import { DANGLING_EDGE } from './dangling-edge.js';
import { CROSS_LEVEL_EDGE } from './cross-level-edge.js';
import { DUPLICATE_EDGE } from './duplicate-edge.js';
import { UNKNOWN_TYPE } from './unknown-type.js';
import { MISSING_TYPE } from './missing-type.js';
import { ROOT_NOT_GRAPH } from './root-not-graph.js';
import { UNKNOWN_PARAM } from './unknown-param.js';
import { MISSING_PARAM } from './missing-param.js';
import { LEGACY_DEFAULT } from './legacy-default.js';
import { PARAM_TYPE } from './param-type.js';
import { PARAM_SHAPE } from './param-shape.js';
import { PARAM_VALUE } from './param-value.js';
import { NON_FINITE } from './non-finite.js';
import { BIAS_SHAPE } from './bias-shape.js';
import { BROADCAST_BIAS } from './broadcast-bias.js';
import { HUGE_SHAPE } from './huge-shape.js';
import { EDGE_SHAPE } from './edge-shape.js';
import { REFERENCE_SHAPE_RULE } from './reference-shape-rule.js';
import { MULTI_PORT_EDGE } from './multi-port-edge.js';
import { NO_INPUT_PATH, NO_OUTPUT_PATH } from './path-checks.js';
import { NO_INPUT, NO_OUTPUT } from './missing-ports.js';
import { CYCLE_WITHOUT_DELAY } from './cycle-without-delay.js';
import { BAD_NAME } from './bad-name.js';

/** Checks on the NIR graph alone, in the order their problems are listed. */
export const GRAPH_CHECKS: readonly Check[] = [
    ROOT_NOT_GRAPH, MISSING_TYPE, UNKNOWN_TYPE, BAD_NAME,
    DANGLING_EDGE, CROSS_LEVEL_EDGE, DUPLICATE_EDGE,
    UNKNOWN_PARAM, MISSING_PARAM, LEGACY_DEFAULT, PARAM_TYPE, PARAM_SHAPE, PARAM_VALUE, NON_FINITE, BIAS_SHAPE, BROADCAST_BIAS, HUGE_SHAPE,
    EDGE_SHAPE, REFERENCE_SHAPE_RULE, MULTI_PORT_EDGE,
    NO_INPUT, NO_OUTPUT, NO_INPUT_PATH, NO_OUTPUT_PATH, CYCLE_WITHOUT_DELAY,
];
