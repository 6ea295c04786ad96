/**
 * Simulators: run a network tick by tick, on its own (`--target none`) or on the machine program
 * a mapper made, every spike a packet routed through the minimised tables. See docs/simulation.md.
 *
 * Architecture invariants:
 * - Pure: no I/O, no global state (it only yields to the event loop now and then); a run is a function of the analysis, the mapping,
 *   the options and the seed, and gives the same spikes every time.
 * - The semantics are those of docs/simulation.md: one tick of delay into every population,
 *   exponential Euler by default, spike when `v > v_threshold`.
 * - Synapses are materialised row by row from the chain of nodes between two populations,
 *   never as a dense matrix; procedural weights are generated where the rows need them.
 * - The tick loop allocates nothing per spike: typed arrays, compressed synapse rows, ring buffers.
 * - Traces leave in chunks (`onChunk`); a run holds at most one chunk of trace.
 * - Under a target, packets follow only the machine program's minimised tables, so a routing bug
 *   shows up as a wrong delivery (`simulation/misrouted`) or wrong spikes, never hides.
 */
import type { Simulator } from './types.js';
import { builtinSimulator } from './builtin-simulator.js';

export * from './types.js';
export { DEFAULT_RUN_STEPS, DEFAULT_CHUNK_STEPS } from './builtin-simulator.js';
export { ENERGY_MODEL } from './energy.js';
export { meshTransport, type KeyRoute, type MeshRun } from './packet-router.js';
export { buildNetwork, type SimNetwork } from './network.js';
export { specRunSettings, withSpecRunSettings, RUN_SETTINGS_PATH, type SpecRunSettings } from './spec-run-settings.js';

/** The shipped simulators. */
export const SIMULATORS: readonly Simulator[] = [builtinSimulator];

/** The simulator used when none is named. */
export const DEFAULT_SIMULATOR_ID = 'builtin';
