/**
 * Mappers: place a network's populations on a target's PEs and chips, give them routing keys,
 * and build, minimise and verify the routing tables (through routing/).
 *
 * Architecture invariants:
 * - A mapper is deterministic: the same analysis and target give the same result, key for key.
 * - Work scales with slices and sources, never with neurons or synapses: procedural connectivity
 *   is costed from its parameters and slices of the same population are costed once per size.
 * - The result is plain JSON-able data (`MappingResult`) apart from the machine program, which
 *   only a simulation asks for (`MapOptions.program`) and no report contains; resource problems
 *   are reported by the `spinnaker2/…` checks that read it, so one code always means one rule.
 * - Long loops yield through `createInterrupter` and stop with `OperationCancelled` when asked.
 */
import type { Mapper } from '../plugins/mapper.js';
import { greedyMapper } from './greedy-mapper.js';

/** The shipped mappers. */
export const MAPPERS: readonly Mapper[] = [greedyMapper];

/** The mapper used when none is named. */
export const DEFAULT_MAPPER_ID = 'greedy';

export { DEFAULT_STEPS } from './greedy-mapper.js';
export { hilbertChipOrder } from './chip-order.js';
