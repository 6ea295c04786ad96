/**
 * The SpiNNaker hardware targets: their numbers (settings with sources), chip meshes, neuron-model
 * costs, and the checks that hold a network against the toolchain's rules and the machine's
 * resources.
 *
 * Architecture invariants:
 * - Every hardware number is a named `TargetSetting` with its source and confidence, taken from
 *   a primary source (toolchain code, a datasheet, a paper) named in the setting; estimates are settings a user can override, never literals in code.
 * - A target is data: settings, a `MeshTopology` and the accepted node types. Mappers and checks
 *   read numbers only through `SETTING_NAMES`, so a new machine is a new table.
 * - Check ids are diagnostic codes (`spinnaker2/…`), each with one entry in
 *   docs/diagnostics/spinnaker2.md; every message names the need, the limit, the target and a fix.
 */
import type { TargetFactory } from '../plugins/target.js';
import type { NeuronModel } from '../plugins/neuron-model.js';
import type { Check } from '../plugins/check.js';
import { SPINNAKER_TARGET_FACTORIES } from './factories.js';
import { SPINNAKER_NEURON_MODELS } from './neuron-models.js';
import { RULE_CHECKS, RESOURCE_CHECKS } from './checks/index.js';

/** The shipped hardware targets. */
export const TARGET_FACTORIES: readonly TargetFactory[] = SPINNAKER_TARGET_FACTORIES;

/** Neuron models with their machine costs. */
export const NEURON_MODELS: readonly NeuronModel[] = SPINNAKER_NEURON_MODELS;

/** Checks that need a target (supported primitives, encodings, resources). */
export const TARGET_CHECKS: readonly Check[] = [...RULE_CHECKS, ...RESOURCE_CHECKS];

export { SETTING_NAMES, type SettingName } from './setting-names.js';
export { settingValue, withSettingOverrides, isEstimate } from './setting.js';
export { ChipMesh, hexDistance } from './chip-mesh.js';
export { layOutBoards, MAX_BOARDS_SETTING } from './multi-board.js';
export { BOARD_CHIPS } from './board-layout.js';
export { qpeOf, QPE_GRID } from './qpe-layout.js';
