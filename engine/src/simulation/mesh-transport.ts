/**
 * How spikes travel between PEs during a run. The tick loop hands each output of a population to
 * `send`; the PEs that the packet reached have `stamp[pe] === id` for the returned id, and the
 * loop applies a synapse only when the PE holding its post neuron was reached.
 */
export interface MeshTransport {
    /** Per PE (global index), the id of the last packet that reached it. */
    readonly stamp: Int32Array;
    /** Per population, per neuron: the global index of the PE holding it (the unplaced-slice PE when it is on none). */
    readonly peOf: readonly Int32Array[];
    /** Synaptic events per PE in the current tick (the loop counts them). */
    readonly peEvents: Float64Array;
    /**
     * Routes the packet of neuron `neuron` of population `pop`; returns its id, or −1 when every
     * synapse of the neuron is to be applied: the packet reached every PE holding one of its
     * targets, or it bypasses the mesh (an unplaced sender).
     */
    send(pop: number, neuron: number): number;
    /** Closes the tick: folds its counters into the totals; returns the tick's packets and drops. */
    endTick(): { readonly packets: number; readonly dropped: number };
}
