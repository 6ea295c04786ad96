import type { Check } from '../../plugins/check.js';
import { unsupportedPrimitive } from './unsupported-primitive.js';
import { consecutiveWeightLayers, neuronToNeuron, cubaLifAfterConv } from './chain-rules.js';
import { fromNirRules } from './from-nir-rules.js';
import { delayRange } from './delay-range.js';
import { weightQuantisation } from './weight-quantisation.js';
import { fanIn } from './fan-in.js';
import { badHint, neuronsPerCoreLimit } from './hint-rules.js';
import { sramPerPe, dramPerChip } from './memory-checks.js';
import { tooManyPes, routerEntries, unplaceable, keySpace } from './placement-checks.js';

/** The SpiNNaker toolchain's rules (fast, need a target), in the order docs/diagnostics/spinnaker2.md lists them. */
export const RULE_CHECKS: readonly Check[] = [
    unsupportedPrimitive, consecutiveWeightLayers, neuronToNeuron, cubaLifAfterConv, fromNirRules,
    delayRange, weightQuantisation, fanIn, badHint, neuronsPerCoreLimit,
];

/** The resource checks (slow, read the mapping). */
export const RESOURCE_CHECKS: readonly Check[] = [tooManyPes, sramPerPe, dramPerChip, routerEntries, unplaceable, keySpace];
