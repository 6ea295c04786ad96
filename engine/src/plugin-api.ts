/**
 * Everything a plugin author needs, in one module (docs/plugins.md): the plugin module's shape,
 * the API its `register` receives, and the engine types of each sort of plugin. A TypeScript
 * plugin imports the types from here; a JavaScript one names them in JSDoc.
 */
export { PLUGIN_API_VERSION, type NirmeshPlugin, type PluginApi, type PluginTableApi, type PluginUtilities } from './plugins/plugin-module.js';
export type { NodeKind, ParamSpec, ParamKind, Shape, NodeShapes, ShapeRuleContext } from './plugins/node-kind.js';
export type { Check, CheckContext, CheckCategory, TimeUnit } from './plugins/check.js';
export type { TargetFactory, HardwareTarget, TargetSetting } from './plugins/target.js';
export type { Mapper, MapOptions, MappingResult } from './plugins/mapper.js';
export type { NeuronModel } from './plugins/neuron-model.js';
export type { Exporter, ExportRequest, ExportResult, ExportedFile } from './plugins/exporter.js';
export type { Simulator } from './simulation/types.js';
export type { MeshTopology } from './routing/types.js';
export type { Problem, Severity } from './diagnostics/problem.js';
export type { GraphAnalysis, AnalysedNode } from './graph/analysis.js';
export type { NirDocument, NirNode, NirEdge } from './nir/graph.js';
