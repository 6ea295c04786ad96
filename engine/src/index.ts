/**
 * NIRmesh engine: the pure library behind the CLI, the language server and the webviews.
 *
 * Architecture invariants:
 * - No `vscode`, no `vscode-languageserver*`, no `node:fs`, `node:child_process` or network.
 *   Bytes and text in, plain values out; file and process I/O live in `cli/` and `server/`.
 * - Nothing process-wide: every engine owns its `Registry`; plugins register by id.
 * - Reading never throws on bad input: every stage returns `{ value, problems }`. Only
 *   `OperationCancelled` escapes, and only when the caller's token fired.
 * - Problems carry origins (NIR tree path + UTF-16 spans), never line/column.
 * - Procedural tensors stay recipes until a simulation or a writer needs the numbers.
 */
export * from './engine.js';
export * from './text/span.js';
export * from './text/line-index.js';
export * from './diagnostics/problem.js';
export { quote, capMessage, MAX_QUOTED } from './diagnostics/quote.js';
export * from './nir/origin.js';
export * from './nir/value.js';
export * from './nir/graph.js';
export * from './plugins/node-kind.js';
export * from './plugins/check.js';
export * from './plugins/target.js';
export * from './plugins/mapper.js';
export * from './plugins/neuron-model.js';
export * from './plugins/exporter.js';
export type { InputSpikes } from './simulation/types.js';
export * from './plugins/registry.js';
export * from './plugins/resolve-target.js';
export * from './plugins/plugin-module.js';
export * from './graph/analysis.js';
export * from './checks/run-checks.js';
export { NIR_NODE_KINDS, formatShape, sameShape, graphPortNodes, type NirNodeKind, type GraphPortNodes } from './nir/kinds/index.js';
export { GRAPH_CHECKS } from './checks/graph/index.js';
export * from './spec/index.js';
export * from './schema/index.js';
export * from './nir/materialize.js';
export * from './nir/dtype-codec.js';
export * from './nir/npy.js';
export * from './hdf5/index.js';
export * from './util/cancellation.js';
export * from './util/append-all.js';
export * from './machine/index.js';
export {
    SETTING_NAMES, type SettingName, settingValue, withSettingOverrides, isEstimate, ChipMesh, hexDistance,
    layOutBoards, MAX_BOARDS_SETTING, BOARD_CHIPS, qpeOf, QPE_GRID,
} from './targets/index.js';
export { DEFAULT_STEPS, DEFAULT_MAPPER_ID, hilbertChipOrder } from './mapping/index.js';
export { BUILTIN_PLUGINS } from './builtins.js';
export * from './simulation/index.js';
export type { MachineProgram, PopulationProgram } from './mapping/machine-program.js';
export { EXPORTERS } from './exporters/index.js';
