/**
 * A neuron model as the machine sees it: how much state one neuron costs and how it is updated.
 * Registered by the NIR type it implements (`LIF`, `CubaLIF`). Extended by the mapping and
 * simulation work (update kernels).
 */
export interface NeuronModel {
    /** The NIR node type this model implements. */
    readonly id: string;
    /** Bytes of PE memory for one neuron's state and parameters. */
    readonly bytesPerNeuron: number;
}
