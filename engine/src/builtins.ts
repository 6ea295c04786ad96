import type { EnginePlugin } from './plugins/registry.js';
import { NIR_NODE_KINDS } from './nir/kinds/index.js';
import { GRAPH_CHECKS } from './checks/graph/index.js';
import { TARGET_FACTORIES, NEURON_MODELS, TARGET_CHECKS } from './targets/index.js';
import { MAPPERS } from './mapping/index.js';
import { SIMULATORS } from './simulation/index.js';

/** NIR itself: its node kinds and the graph checks. */
export const NIR_PLUGIN: EnginePlugin = { id: 'nir', nodeKinds: NIR_NODE_KINDS, checks: GRAPH_CHECKS };

/** The SpiNNaker machines: targets, neuron costs, resource checks and mappers. */
export const SPINNAKER_PLUGIN: EnginePlugin = {
    id: 'spinnaker',
    targets: TARGET_FACTORIES,
    neuronModels: NEURON_MODELS,
    checks: TARGET_CHECKS,
    mappers: MAPPERS,
    simulators: SIMULATORS,
};

/** Everything that ships with the engine, in registration order. */
export const BUILTIN_PLUGINS: readonly EnginePlugin[] = [NIR_PLUGIN, SPINNAKER_PLUGIN];
