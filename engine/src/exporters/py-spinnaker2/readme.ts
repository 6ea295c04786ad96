import type { ExportNetwork } from './network.js';
import type { ScriptContext } from './script.js';

/** `README.md` beside the script: what is in the directory, how to run it, and what differs from `s2_nir.from_nir`. */
export function readme(net: ExportNetwork, ctx: ScriptContext, estimates: readonly string[]): string {
    const rows = net.populations.map((p) => `| ${p.name} | ${p.model} | ${p.size} | ${p.maxAtomsPerCore} | ${p.record.join(', ') || '–'} |`);
    const synapses = net.projections.reduce((n, p) => n + (p.kind === 'connections' ? p.count : 0), 0);
    return `# ${ctx.sourceName} for py-spinnaker2

Written by \`nirmesh export --to py-spinnaker2\` for the target \`${ctx.targetId}\`. NIRmesh checked
that the network fits that machine; the models, integer weights, delays and neurons per core here
are the ones its checks and mapping used.

## Run it

You need py-spinnaker2 (https://gitlab.com/spinnaker2/py-spinnaker2), numpy and h5py.

    python3 run.py --eth-ip 192.168.1.17          # one SpiNNaker2 chip
    python3 run.py --board board48 --stm-ip IP    # the SpiNNcloud 48-node board
    python3 run.py --brian2                       # py-spinnaker2's Brian2 backend, no hardware
    python3 run.py --brian2 --steps 200 --out run.h5

It runs ${ctx.steps} steps of ${net.dtSeconds} s by default and writes the recorded spikes to
\`spikes.nirdata.h5\` (NIRData, NIR's \`read_data\` layout, times in the NIR file's unit), which
NIRmesh's trace view opens beside a simulated run.

## What is here

- \`run.py\`: builds the populations and projections on py-spinnaker2's \`snn\` API and runs them.
- \`params.json\`: the neuron parameters of each population, already scaled to its integer weights.
- \`populations.json\`: each population's place in the NIR graph, for the NIRData written back.
- \`weights/projection_N.npy\`: int32 connection lists \`[pre, post, weight, delay field]\`
  (${synapses} synapses in all), or int8 Conv2DProjection kernels \`[C_in, C_out, kH, kW]\`.
- \`inputs/population_N.npy\`: int32 \`(neuron, step)\` spikes of each spike_list input.

| population | model | neurons | neurons per core | records |
|---|---|---|---|---|
${rows.join('\n')}

## How it differs from \`spinnaker2.s2_nir.from_nir\`

- Weights are integers already: one scale per population (127, or 15 for the \`lif\` model, over
  the largest |w| arriving), rounded to nearest; thresholds, leak and bias are scaled with them.
- A projection with a delay other than 1 step runs its population on \`lif\`, whose delay field
  holds the delay − 1; others run \`lif_no_delay\` (Conv2d targets \`lif_conv2d\`).
- Conv1d, Linear after Flatten, pooling straight into neurons and nested graphs are written as
  explicit connection lists, which \`from_nir\` refuses or drops.
- Neurons reset to \`v_reset\` (NIR's rule) and start at \`v_leak\`.
${estimates.length > 0 ? `\nThe mapping used these estimated settings: ${estimates.join(', ')}.\n` : ''}`;
}
