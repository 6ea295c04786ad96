import type { Problem } from '../../diagnostics/problem.js';
import type { PynnNetwork } from './network.js';
import type { ScriptContext } from './script.js';

/** `README.md` beside the script: how to run it, what is in the directory, the mapping, and every approximation this network needed. */
export function readme(net: PynnNetwork, ctx: ScriptContext, approximations: readonly Problem[]): string {
    const rows = net.populations.map((p) => `| ${p.name} | ${p.type} | ${p.size} | ${cellOf(p.model)} |`);
    const synapses = net.projections.reduce((n, p) => n + p.preIndex.length, 0);
    const listed = [...new Set(approximations.map((a) => a.message))].map((m) => `- ${m}`);
    return `# ${ctx.sourceName} for PyNN

Written by \`nirmesh export --to pynn\`. The network is the one NIRmesh's simulator runs (exact
numerics): the same synapses (every weight, convolution, pooling and flatten node listed as
connections), biases and delays. You need PyNN 0.10, numpy, h5py and a backend (NEURON, Brian2,
NEST or sPyNNaker); on Debian: \`apt-get install python3-pynn python3-h5py python3-neuron\`.

## Run it

    python3 run.py                                   # NEURON, one process
    python3 run.py --backend brian2 --steps 200
    mpirun -np 4 python3 run.py --backend neuron     # NEURON across 4 MPI processes
    srun python3 run.py --backend neuron             # inside a Slurm allocation

Options: \`--steps N\` (default ${ctx.steps}), \`--dt MS\` (default ${ctx.dtMs}), \`--input NIRDATA.h5\`
(spikes for the Input nodes; a spike at t belongs to tick floor(t/dt))${ctx.defaultInput ? ` (default \`${ctx.defaultInput}\`)` : ''},
\`--poisson NODE=HZ\` with \`--seed S\`, \`--record NODE,NODE\`, \`--out TRACE.h5\` (default \`trace.h5\`).
Rank 0 writes the recordings as NIRData (spikes as \`nodes/<node>/observables/spikes\`, times in the
NIR file's unit; a readout's \`v\` as \`observables/v\`), which NIRmesh's trace view opens, and
prints one line \`NIRMESH-RESULT {json}\` (backend, processes, steps, dt, build and run seconds,
spikes per node, peak memory per process).

With NEURON, \`mpi4py\` is imported before \`neuron\` (otherwise every process runs the whole
network); set \`NIRMESH_NRNMECH_DIR\` to a folder of PyNN's compiled NEURON mechanisms
(\`nrnivmodl\` on \`pyNN/neuron/nmodl\`) to load them from there. As root, Open MPI needs
\`OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1\`, and \`--oversubscribe\` beyond the cores.

## What is here

- \`run.py\`: the NIR → PyNN mapping, the network, the run and the NIRData writer.
- \`network.json\`: each population's NIR parameters (times in ms) and bias, and each projection's files.
- \`connections/projection_N_RECEPTOR.{pre,post,weight}.npy\` (and \`.extra_delay_ms.npy\` after
  Delay nodes): ${synapses} connections in all, one sign per file, NIR weights, sorted by post
  neuron. Each MPI process memory-maps them and builds only the rows of its own neurons.
${ctx.defaultInput ? `- \`${ctx.defaultInput}\`: the input spikes the export was given.\n` : ''}
| population | NIR type | neurons | PyNN cell |
|---|---|---|---|
${rows.join('\n')}

## Parameter mapping

Voltages are read as mV and times converted to ms (${net.msPerUnit} ms per unit of the NIR file);
cm = 1 nF; tau_refrac = 0. With α = exp(−dt/τ_m) per tick:

| NIR | PyNN |
|---|---|
| LIF, LI | IF_curr_delta: tau_m = tau, v_rest = v_leak, v_thresh = v_threshold, v_reset; weight (mV) = r·w·(1 − α)/α; i_offset (nA) = cm·r·bias/tau |
| IF, I | IF_curr_delta with tau_m = 1e9 ms, v_rest = 0; weight (mV) = r·w·dt; i_offset = cm·r·bias per unit of time |
| CubaLIF, CubaLI | IF_curr_exp: tau_m = tau_mem, tau_syn_E = tau_syn_I = tau_syn; weight (nA) = cm·r·w_in·w·(1 − α)/tau_syn; i_offset = cm·r·w_in·bias/tau_mem |
| LI, I, CubaLI | as above with v_thresh = 1e9 mV (never fires); \`v\` recorded |
| Input | SpikeSourceArray (from \`--input\`, or Poisson spikes on the tick grid) |

Without IF_curr_delta (NEURON, sPyNNaker) a voltage jump Δv becomes IF_curr_exp with tau_syn = dt/10
and a weight of cm·Δv·(1 − e^−10)/dt nA, which a fixed-step integrator applies over one tick. Weights whose sign (after that of r, or r·w_in) is negative go to
the inhibitory receptor, the others to the excitatory one.

## Approximations this network needed

${listed.join('\n') || '- None.'}
`;
}

function cellOf(model: PynnNetwork['populations'][number]['model']): string {
    if (!model) return 'SpikeSourceArray';
    const cell = model.synapse === 'current' ? 'IF_curr_exp' : 'IF_curr_delta (IF_curr_exp on NEURON)';
    return model.spiking ? cell : `${cell}, never fires, records v`;
}
