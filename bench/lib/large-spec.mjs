// The recurrent CUBA network of the simulator benchmarks (bench/simulate-large.mjs, bench/pynn-cluster.mjs):
// n CubaLIF neurons (80 % excitatory, 20 % inhibitory) with ~fanout synapses each (connection
// probability fanout/n, seeded), driven by a constant bias; dt 1 ms. The model is described in
// bench/simulate-large.mjs.

/** The NIR spec of the network, in mV and seconds. */
export function largeSpec(n, fanout) {
    const ne = Math.round(0.8 * n);
    const ni = n - ne;
    const p = fanout / n;
    const beta = Math.exp(-1 / 5);
    const we = (1.62 * (80 / fanout)) / (1 - beta);
    const wi = (-9 * (80 / fanout) * (10 / 5)) / (1 - beta);
    const cuba = 'tau_syn: 0.005, tau_mem: 0.02, r: 1, v_leak: -60, v_threshold: -50, v_reset: -60, w_in: 1';
    const drive = (size, seed) => `{type: Affine, weight: {shape: [${size}, 1], zeros: true}, bias: {shape: [${size}], uniform: {low: 10.2, high: 11.8, seed: ${seed}}}}`;
    const w = (post, pre, weight, seed) => `{type: Linear, weight: {shape: [${post}, ${pre}], fixed_probability: {p: ${p}, weight: ${weight}, seed: ${seed}}}}`;
    return `node:
  type: NIRGraph
  nodes:
    drive: {type: Input, shape: [1]}
    drive_e: ${drive(ne, 11)}
    drive_i: ${drive(ni, 12)}
    exc: {type: CubaLIF, shape: [${ne}], ${cuba}}
    inh: {type: CubaLIF, shape: [${ni}], ${cuba}}
    ee: ${w(ne, ne, we, 1)}
    ei: ${w(ni, ne, we, 2)}
    ie: ${w(ne, ni, wi, 3)}
    ii: ${w(ni, ni, wi, 4)}
  edges:
    - [drive, drive_e]
    - [drive_e, exc]
    - [drive, drive_i]
    - [drive_i, inh]
    - [exc, ee]
    - [ee, exc]
    - [exc, ei]
    - [ei, inh]
    - [inh, ie]
    - [ie, exc]
    - [inh, ii]
    - [ii, inh]
  metadata: {dt: 0.001}
`;
}
