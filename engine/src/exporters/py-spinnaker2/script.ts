import type { ExportNetwork, ExportProjection } from './network.js';
import { py, WRITE_NIRDATA_PY } from '../python/nirdata-writer.js';

/** Where the script's data files live, relative to it. */
export function projectionFile(index: number): string {
    return `weights/projection_${index}.npy`;
}

export function spikesFile(index: number): string {
    return `inputs/population_${index}.npy`;
}

/** What the script's header says about where it came from. */
export interface ScriptContext {
    readonly sourceName: string;
    readonly targetId: string;
    /** `chip` for a one-chip target, `board48` for the 48-node board. */
    readonly board: 'chip' | 'board48';
    readonly steps: number;
}

/**
 * `run.py`: builds the network on py-spinnaker2's public API (`snn.Population`,
 * `set_max_atoms_per_core`, `snn.Projection` with connection lists, `snn.Conv2DProjection`,
 * `snn.Network`), runs it on a chip, the 48-node board or the Brian2 backend (`hw.run(net, steps)`)
 * and writes the recorded spikes as NIRData (NIR's `write_data` layout) with h5py.
 */
export function runScript(net: ExportNetwork, ctx: ScriptContext): string {
    const pops = net.populations.map((p, i) => {
        const record = p.record.length > 0 ? `, record=${JSON.stringify(p.record)}` : '';
        const params = p.model === 'spike_list' ? `spike_list(${py(spikesFile(i))})` : `PARAMS[${py(p.name)}]`;
        return [
            `    pops[${py(p.name)}] = snn.Population(size=${p.size}, neuron_model=${py(p.model)}, params=${params}, name=${py(p.name)}${record})`,
            `    pops[${py(p.name)}].set_max_atoms_per_core(${p.maxAtomsPerCore})`,
        ].join('\n');
    });
    const projs = net.projections.map((p, i) => `    # ${p.pre} → ${p.via.join(' → ')} → ${p.post}\n${projectionLine(p, i)}`);
    return `#!/usr/bin/env python3
"""Runs ${ctx.sourceName} on SpiNNaker2 with py-spinnaker2.

Written by \`nirmesh export --to py-spinnaker2\` for the target ${ctx.targetId}: the models, integer
weights, delays and neurons per core are the ones NIRmesh checked and mapped. See README.md.

    python3 run.py --eth-ip 192.168.1.17          # one SpiNNaker2 chip
    python3 run.py --board board48 --stm-ip IP    # the 48-node board
    python3 run.py --brian2                       # py-spinnaker2's Brian2 backend, no hardware
"""
import argparse
import json
import pathlib

import numpy as np
from spinnaker2 import hardware, snn

HERE = pathlib.Path(__file__).resolve().parent
STEPS = ${ctx.steps}
BOARD = ${py(ctx.board)}
# Seconds per step, and seconds per unit of the NIR file's time values (for the NIRData written back).
DT_SECONDS = ${net.dtSeconds}
SECONDS_PER_UNIT = ${net.secondsPerUnit}
PARAMS = json.loads((HERE / "params.json").read_text())
# Each population's place in the NIR graph, size and whether it records spikes, for the NIRData written back.
POPULATIONS = json.loads((HERE / "populations.json").read_text())


def connections(path):
    """A connection list [pre, post, weight, delay] from an int32 .npy of rows."""
    return np.load(HERE / path).tolist()


def spike_list(path):
    """spike_list params {neuron: [steps]} from an int32 .npy of (neuron, step) rows."""
    spikes = {}
    for neuron, step in np.load(HERE / path).reshape(-1, 2).tolist():
        spikes.setdefault(neuron, []).append(step)
    return spikes


def build_network():
    pops = {}
${pops.join('\n')}
    projs = []
${projs.join('\n') || '    pass'}
    net = snn.Network(${py(ctx.sourceName)})
    net.add(*pops.values(), *projs)
    return net, pops


def hardware_for(args):
    if args.brian2:
        from spinnaker2 import brian2_sim

        return brian2_sim.Brian2Backend()
    if args.board == "chip":
        return hardware.SpiNNaker2Chip(eth_ip=args.eth_ip)
    ips = {key: value for key, value in (("eth_ip", args.eth_ip), ("stm_ip", args.stm_ip)) if value}
    return hardware.SpiNNcloud48NodeBoard(**ips)


def recorded_spikes(pops):
    """The recorded spikes of each population by its NIR path, times in the NIR file's unit."""
    observed = {}
    for name, pop in pops.items():
        info = POPULATIONS[name]
        if not info["spikes"]:
            continue
        pairs = sorted((int(t), int(i)) for i, times in pop.get_spikes().items() for t in times)
        times = [t * DT_SECONDS / SECONDS_PER_UNIT for t, _ in pairs]
        observed[tuple(info["nir_path"])] = {"spikes": {"n_neurons": info["size"], "idx": [i for _, i in pairs], "time": times}}
    return observed


${WRITE_NIRDATA_PY}

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eth-ip", help="Ethernet IP of the chip (or of the board's Ethernet chip)")
    parser.add_argument("--stm-ip", help="IP of the 48-node board's STM controller")
    parser.add_argument("--board", choices=["chip", "board48"], default=BOARD, help=f"the machine (default {BOARD})")
    parser.add_argument("--brian2", action="store_true", help="run on py-spinnaker2's Brian2 backend instead of hardware")
    parser.add_argument("--steps", type=int, default=STEPS, help=f"steps to run (default {STEPS})")
    parser.add_argument("--out", default=str(HERE / "spikes.nirdata.h5"), help="where to write the recorded spikes as NIRData")
    args = parser.parse_args()
    if not args.brian2 and args.board == "chip" and not args.eth_ip:
        parser.error("--eth-ip is needed for a chip (or use --brian2)")
    net, pops = build_network()
    hw = hardware_for(args)
    hw.run(net, args.steps)
    write_nirdata(args.out, recorded_spikes(pops), args.steps * DT_SECONDS / SECONDS_PER_UNIT)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
`;
}

function projectionLine(p: ExportProjection, i: number): string {
    const [pre, post] = [`pops[${py(p.pre)}]`, `pops[${py(p.post)}]`];
    if (p.kind === 'conv2d') {
        return `    projs.append(snn.Conv2DProjection(${pre}, ${post}, np.load(HERE / ${py(projectionFile(i))}), ${JSON.stringify(p.layout)}))`;
    }
    return `    projs.append(snn.Projection(pre=${pre}, post=${post}, connections=connections(${py(projectionFile(i))})))`;
}
