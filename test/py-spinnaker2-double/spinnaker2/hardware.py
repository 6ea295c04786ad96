"""The machines py-spinnaker2 runs a network on; the double validates it and writes a report."""
import json
import os

import numpy as np

MAX_REPORTED_ROWS = 200_000


def _report(net, steps, machine):
    net.validate()
    path = os.environ.get("S2_DOUBLE_REPORT")
    if not path:
        return
    pops = [
        {"name": p.name, "size": p.size, "model": p.neuron_model, "max_atoms_per_core": p.max_atoms_per_core, "record": p.record,
         "params": {k: (v if isinstance(v, str) else np.asarray(v, dtype=float).tolist()) for k, v in p.params.items()} if p.neuron_model != "spike_list" else {},
         "spikes": sum(len(v) for v in p.params.values()) if p.neuron_model == "spike_list" else 0}
        for p in net.populations
    ]
    projs = []
    for proj in net.projections:
        entry = {"pre": proj.pre.name, "post": proj.post.name}
        if hasattr(proj, "rows"):
            # Rows only for projections small enough to compare weight by weight.
            entry.update(kind="connections", synapses=len(proj.rows), rows=proj.rows.tolist() if len(proj.rows) <= MAX_REPORTED_ROWS else None)
        else:
            entry.update(kind="conv2d", synapses=proj.synapse_count(), kernel=proj.weights.tolist(), conv_params=proj.conv_params)
        projs.append(entry)
    with open(path, "w") as f:
        json.dump({"machine": machine, "steps": steps, "populations": pops, "projections": projs}, f)


class SpiNNaker2Chip:
    def __init__(self, eth_ip):
        assert eth_ip, "SpiNNaker2Chip needs eth_ip"
        self.eth_ip = eth_ip

    def run(self, net, timesteps, **options):
        _report(net, timesteps, "SpiNNaker2Chip")


class SpiNNcloud48NodeBoard:
    def __init__(self, eth_ip=None, stm_ip=None):
        self.eth_ip, self.stm_ip = eth_ip, stm_ip

    def run(self, net, timesteps, **options):
        _report(net, timesteps, "SpiNNcloud48NodeBoard")
