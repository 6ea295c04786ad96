import type { MeshTopology } from '../routing/types.js';

/**
 * A named, documented number of a hardware target (`sram_per_pe_bytes`). Numbers whose source is
 * only an estimate are settings a user can override, never literals buried in code.
 */
export interface TargetSetting {
    readonly name: string;
    readonly value: number;
    readonly unit: string;
    readonly doc: string;
    /** Where the number comes from (paper, datasheet, toolchain source). */
    readonly source: string;
    /** `measured`/`documented` numbers come from a source; `estimate` ones are named guesses. */
    readonly confidence: 'documented' | 'measured' | 'estimate';
}

/** A concrete machine that a network can be mapped onto (one chip, a board, N boards). */
export interface HardwareTarget {
    /** The full id including any argument (`spinnaker2-boards:4`). */
    readonly id: string;
    readonly title: string;
    /** Its numbers, by name. */
    readonly settings: ReadonlyMap<string, TargetSetting>;
    /**
     * The chip mesh: which chips exist, their six links and wrap-around. Mappers and the simulator
     * need it; a target without one can still be checked against its settings.
     */
    readonly topology?: MeshTopology;
    /**
     * The NIR node types the target's toolchain accepts (`LIF`, `Affine`, …), in the order its docs
     * list them. Undefined means "no restriction".
     */
    readonly supportedNodeTypes?: readonly string[];
}

/**
 * A registered family of targets. A parametric family (`spinnaker2-boards`) takes an argument
 * after a colon; `create` validates it and returns a message when it is unusable.
 */
export interface TargetFactory {
    /** The id without argument (`spinnaker2-board48`, `spinnaker2-boards`). */
    readonly id: string;
    readonly title: string;
    readonly description: string;
    /** For parametric families: what the argument means (`N: number of 48-chip boards`). */
    readonly argument?: string;
    create(argument: string | undefined): HardwareTarget | { readonly error: string };
}
