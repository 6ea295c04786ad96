import { DEBIAN_PYTHON, MPIRUN } from './debian-environment.js';

/** The process that runs an exported `run.py`: the program, its arguments and what it adds to the environment. */
export interface LaunchCommand {
    readonly command: string;
    readonly args: readonly string[];
    readonly env: Readonly<Record<string, string>>;
}

/** What `launchCommand` needs to know of the run and of the machine. */
export interface LaunchRequest {
    readonly script: string;
    readonly scriptArgs: readonly string[];
    /** MPI processes; 1 runs Python directly, without `mpirun`. */
    readonly np: number;
    /** Cores of this machine: more processes than cores need `--oversubscribe`. */
    readonly cores: number;
    /** True when running as root, which Open MPI refuses unless told that it is meant. */
    readonly asRoot: boolean;
}

/**
 * `python3 run.py …` for one process; `mpirun -np N [--oversubscribe] python3 run.py …` for more
 * (the script imports mpi4py before NEURON, so each rank builds only its share of the network).
 */
export function launchCommand(request: LaunchRequest): LaunchCommand {
    const python = [request.script, ...request.scriptArgs];
    if (request.np <= 1) return { command: DEBIAN_PYTHON, args: python, env: {} };
    return {
        command: MPIRUN,
        args: ['-np', String(request.np), ...(request.np > request.cores ? ['--oversubscribe'] : []), DEBIAN_PYTHON, ...python],
        env: request.asRoot ? { OMPI_ALLOW_RUN_AS_ROOT: '1', OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: '1' } : {},
    };
}
