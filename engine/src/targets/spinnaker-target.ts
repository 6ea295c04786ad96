import type { HardwareTarget } from '../plugins/target.js';
import type { MeshTopology } from '../routing/types.js';
import { settingsTable, type NamedSetting } from './setting.js';

/**
 * The NIR node types py-spinnaker2's `s2_nir.from_nir` accepts: the NIR docs' supported-primitives
 * list (Conv1d, Conv2d, Flatten, Affine, Linear, CubaLIF, IF, LIF, SumPool2d) plus AvgPool2d,
 * Input and Output, which its code handles (py-spinnaker2 s2_nir.py; NIR's docs, supported_primitives.md). NIRGraph is accepted as a
 * container: NIRmesh flattens nested graphs before mapping.
 */
export const SPINNAKER2_NODE_TYPES: readonly string[] = [
    'Input', 'Output', 'NIRGraph', 'Affine', 'Linear', 'Conv1d', 'Conv2d', 'Flatten', 'SumPool2d', 'AvgPool2d', 'LIF', 'IF', 'CubaLIF',
];

/** Builds a target from its id, title, settings table and mesh. */
export function spinnakerTarget(
    id: string,
    title: string,
    rows: readonly NamedSetting[],
    topology: MeshTopology,
    supportedNodeTypes: readonly string[] = SPINNAKER2_NODE_TYPES,
): HardwareTarget {
    return { id, title, settings: settingsTable(rows), topology, supportedNodeTypes };
}
