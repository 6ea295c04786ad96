#!/usr/bin/env python3
"""The recurrent CUBA LIF network of bench/simulate-large.mjs in Brian2 -> one JSON line on stdout.

N neurons (80 % excitatory, 20 % inhibitory), connection probability fanout/N, exact integration of
dv/dt = (ge + gi - (v - El)) / taum with exponential synaptic currents (taue 5 ms, taui 10 ms),
threshold -50 mV, reset -60 mV, refractory 5 ms, El -49 mV, random initial v; weights scaled by
80/fanout so that the mean input matches the 4000-neuron CUBA benchmark (Brette et al., J Comput
Neurosci 23:349, 2007, benchmark 2). dt 1 ms, 1 s of biological time.

Targets: numpy or cython (Brian2 runtime mode), cpp_standalone. loop_s is Brian's own time of the
simulation loop (device._last_run_time); syn_events = sum over neurons of spikes x out-degree.
"""
import argparse
import json
import resource
import time

ap = argparse.ArgumentParser()
ap.add_argument('--target', choices=['numpy', 'cython', 'cpp_standalone'], default='numpy')
ap.add_argument('--N', type=int, default=100000)
ap.add_argument('--fanout', type=float, default=100.0)
ap.add_argument('--seed', type=int, default=1234)
a = ap.parse_args()

t0 = time.time()
import numpy as np  # noqa: E402
from brian2 import (NeuronGroup, Network, SpikeMonitor, Synapses, defaultclock, device, ms, mV, prefs,  # noqa: E402
                    second, seed, set_device)

builddir = f'/tmp/nirmesh_brian_large_{a.N}_{int(a.fanout)}'
if a.target == 'cpp_standalone':
    set_device('cpp_standalone', build_on_run=False)
else:
    prefs.codegen.target = a.target
seed(a.seed)
defaultclock.dt = 1 * ms

N, Ne = a.N, int(0.8 * a.N)
ns = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, Vt=-50 * mV, Vr=-60 * mV, El=-49 * mV,
          we=1.62 * mV * (80.0 / a.fanout), wi=-9.0 * mV * (80.0 / a.fanout))
eqs = '''dv/dt = (ge + gi - (v - El)) / taum : volt (unless refractory)
         dge/dt = -ge / taue : volt
         dgi/dt = -gi / taui : volt'''
P = NeuronGroup(N, eqs, threshold='v > Vt', reset='v = Vr', refractory=5 * ms, method='exact', namespace=ns)
P.v = 'Vr + rand() * (Vt - Vr)'
Ce = Synapses(P[:Ne], P, on_pre='ge += we', namespace=ns)
Ci = Synapses(P[Ne:], P, on_pre='gi += wi', namespace=ns)
Ce.connect(p=a.fanout / N)
Ci.connect(p=a.fanout / N)
monitor = SpikeMonitor(P, record=False)
net = Network(P, Ce, Ci, monitor)
if a.target == 'cpp_standalone':
    net.run(1 * second)
    setup_s = time.time() - t0
    device.build(directory=builddir, compile=True, run=True, with_output=False)
else:
    setup_s = time.time() - t0
    net.run(1 * second)
loop_s = float(device._last_run_time)
counts = np.asarray(monitor.count[:], dtype=np.int64)
degree = np.concatenate([np.bincount(np.asarray(Ce.i[:]), minlength=Ne), np.bincount(np.asarray(Ci.i[:]), minlength=N - Ne)])
events = int((counts * degree).sum())
print(json.dumps({
    'engine': 'brian2', 'target': a.target, 'N': N, 'steps': 1000, 'spikes': int(counts.sum()), 'syn_events': events,
    'loop_s': loop_s, 'setup_s': setup_s, 'syn_events_per_s': events / loop_s,
    'peak_rss_mb': round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024),
}), flush=True)
