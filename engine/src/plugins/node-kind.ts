import type { NirNode } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';

/** A tensor shape: one non-negative integer per dimension (no batch or time axis). */
export type Shape = readonly number[];

/**
 * How a parameter is written. `tensor`: an array of numbers (most parameters); `int`: a scalar integer;
 * `int-or-pair`: an int or a 2-element int array (Conv2d stride); `padding`: an int, a pair, or the
 * strings `same`/`valid`; `shape`: a 1-D int array that is itself a shape (`Input.shape`).
 */
export type ParamKind = 'tensor' | 'int' | 'int-or-pair' | 'padding' | 'shape';

/** One parameter of a node kind, as completion, hover, the JSON Schema and the checks see it. */
export interface ParamSpec {
    /** The on-disk dataset name (`v_threshold`). */
    readonly name: string;
    readonly kind: ParamKind;
    /** Required in NIR 1.0 files; a missing required parameter is an error. */
    readonly required: boolean;
    /** One sentence for hover and completion. */
    readonly doc: string;
    /** The nominal unit from NIR's docs (`ms`, `mV`, `Ω`); units are not enforced. */
    readonly unit?: string;
    /**
     * The value NIR's reader fills in when the parameter is missing (`v_reset` → 0, `w_in` → 1,
     * `start_dim` → 1), broadcast to the node's shape. Absent for parameters without a default.
     */
    readonly defaultValue?: number;
    /** True when a missing value is a legacy-file condition (NIR < 1.0.6) rather than normal. */
    readonly legacy?: boolean;
}

/** The inferred input and output shapes of a node; undefined where they cannot be known. */
export interface NodeShapes {
    readonly input?: Shape;
    readonly output?: Shape;
}

/** What a node kind's shape rule receives. */
export interface ShapeRuleContext {
    /** The shape arriving on the node's incoming edges, when inference has reached it. */
    readonly inputShape?: Shape;
    /** Reports a problem about this node (parameter disagreements, impossible shapes). */
    report(problem: Problem): void;
}

/**
 * A NIR node type as a plugin: its parameters, documentation and shape rule. Registered by its
 * NIR type string, which is its id (`LIF`, `Conv2d`, `NIRGraph`).
 */
export interface NodeKind {
    /** The NIR `type` string. */
    readonly id: string;
    /** Grouping for docs and completion. */
    readonly category: 'graph' | 'io' | 'linear' | 'conv' | 'pool' | 'neuron' | 'other';
    /** One line: what the node does. */
    readonly summary: string;
    /** The defining equation in plain Unicode (`τ·dv/dt = (v_leak − v) + R·I`). */
    readonly equation?: string;
    readonly params: readonly ParamSpec[];
    /** Holds state across ticks (neurons, Delay); edges into it carry one tick of delay (docs/node-kinds.md). */
    readonly stateful: boolean;
    /** Emits spikes (0/1) rather than values. */
    readonly spiking: boolean;
    /**
     * The node's shapes from its parameters and, where the kind needs it (pooling, Flatten with no
     * `input_type`, Conv with no `input_shape`), from the incoming shape. Never throws.
     */
    shapes(node: NirNode, ctx: ShapeRuleContext): NodeShapes;
}
