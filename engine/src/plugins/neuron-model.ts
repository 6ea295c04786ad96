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
    /**
     * The most neurons one PE runs by default (the toolchain's `max_atoms_per_core`); the target's
     * `max_neurons_per_pe` and the user's `neurons_per_core` hint cap it further.
     */
    readonly maxNeuronsPerCore?: number;
    /** The machine's name for the model (py-spinnaker2's `lif_no_delay`), when it has one. */
    readonly machineModel?: string;
    /**
     * The machine model to use instead when a projection into the population has a delay other than
     * the target's `default_delay_steps` (py-spinnaker2's `lif`, whose synapse word has a delay field).
     */
    readonly delayedMachineModel?: string;
    /** The machine model to use instead when a convolution projection feeds the population (`lif_conv2d`). */
    readonly convMachineModel?: string;
    /** True for external spike sources (NIR `Input`): no synaptic input, no input buffers. */
    readonly source?: boolean;
    /** Where `bytesPerNeuron` and `maxNeuronsPerCore` come from, and how sure that is. */
    readonly costSource?: string;
    readonly costConfidence?: 'documented' | 'measured' | 'estimate';
}
