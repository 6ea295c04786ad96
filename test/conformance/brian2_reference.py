#!/usr/bin/env python3
"""Runs a feed-forward LIF network in Brian2 (numpy code generation) for NIRmesh's conformance tests.

Input on stdin, one JSON object:
  {"dt_ms": 1.0, "steps": 200,
   "input": {"size": 10, "spikes": [[tick, neuron], ...]},
   "layers": [{"size": 20, "tau_s": 0.02, "v_leak": 0.0, "v_threshold": 1.0, "v_reset": 0.0,
               "weights": [[pre, post, w], ...],     # Brian's jump of v per pre spike
               "delays": [ticks per pre neuron] | null}, ...]}
Output on stdout: {"spikes": [[[tick, neuron], ...] per layer]}

The synaptic pathways run at the start of the next tick ('before_groups'), so a spike of tick k
changes v in tick k+1 (+ its delay), after any reset of tick k: NIRmesh's semantics, in which every
population reads in tick t what was sent in tick t-1. Brian integrates dv/dt = (v_leak - v)/tau
exactly and adds w to v; the equivalent NIR weight is w * alpha / (1 - alpha), alpha = exp(-dt/tau).
"""
import json
import sys

import numpy as np
from brian2 import (NeuronGroup, Network, SpikeGeneratorGroup, SpikeMonitor, Synapses, defaultclock, ms,
                    prefs, second)

prefs.codegen.target = 'numpy'


def main():
    spec = json.load(sys.stdin)
    dt = spec['dt_ms'] * ms
    defaultclock.dt = dt
    spikes = np.asarray(spec['input']['spikes'], dtype=np.int64).reshape(-1, 2)
    source = SpikeGeneratorGroup(spec['input']['size'], spikes[:, 1], spikes[:, 0] * dt)
    objects = [source]
    monitors = []
    pre = source
    for k, layer in enumerate(spec['layers']):
        group = NeuronGroup(layer['size'], '''dv/dt = (v_leak - v) / tau : 1
                                              v_leak : 1 (constant)
                                              tau : second (constant)''',
                            threshold='v > v_threshold', reset='v = v_reset', method='exact',
                            namespace={'v_threshold': layer['v_threshold'], 'v_reset': layer['v_reset']}, name=f'layer{k}')
        group.tau = layer['tau_s'] * second
        group.v_leak = layer['v_leak']
        group.v = layer['v_leak']
        w = np.asarray(layer['weights'], dtype=np.float64).reshape(-1, 3)
        synapses = Synapses(pre, group, 'w : 1', on_pre='v_post += w', name=f'syn{k}')
        synapses.connect(i=w[:, 0].astype(int), j=w[:, 1].astype(int))
        synapses.w = w[:, 2]
        if layer.get('delays') is not None:
            synapses.delay = np.asarray(layer['delays'], dtype=np.float64)[w[:, 0].astype(int)] * dt
        synapses.pre.when = 'before_groups'
        monitor = SpikeMonitor(group)
        objects += [group, synapses, monitor]
        monitors.append(monitor)
        pre = group
    Network(*objects).run(spec['steps'] * dt)
    out = []
    for monitor in monitors:
        ticks = np.rint(np.asarray(monitor.t / dt)).astype(int)
        pairs = sorted(zip(ticks.tolist(), np.asarray(monitor.i).tolist()))
        out.append([[t, int(i)] for t, i in pairs])
    json.dump({'spikes': out}, sys.stdout)


if __name__ == '__main__':
    main()
