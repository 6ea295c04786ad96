import type { TargetFactory } from '../plugins/target.js';
import type { NeuronModel } from '../plugins/neuron-model.js';
import type { Check } from '../plugins/check.js';

/** The shipped hardware targets. (Stub: filled in by the hardware-target work.) */
export const TARGET_FACTORIES: readonly TargetFactory[] = [];

/** Neuron models with their machine costs. (Stub.) */
export const NEURON_MODELS: readonly NeuronModel[] = [];

/** Checks that need a target (supported primitives, encodings, resources). (Stub.) */
export const TARGET_CHECKS: readonly Check[] = [];
