import { py, WRITE_NIRDATA_PY } from '../python/nirdata-writer.js';

/** What the script's header says about where it came from. */
export interface ScriptContext {
    readonly sourceName: string;
    readonly steps: number;
    readonly dtMs: number;
    /** The input file written beside the script (`export --input`), which `--input` defaults to. */
    readonly defaultInput?: string;
}

/**
 * `run.py`: builds the network of `network.json` on PyNN (the backend chosen at run time),
 * drives its Input nodes from a NIRData file or Poisson spikes, runs it, gathers the recordings on
 * rank 0, writes them as NIRData and prints one `NIRMESH-RESULT {json}` line. The NIR → PyNN
 * parameter mapping (docs/pynn.md) is here, in one place, because it depends on the tick the run
 * is given (`--dt`). It runs unchanged under `mpirun` and `srun`: each rank builds only the
 * connections of its own neurons, read from memory-mapped `.npy` files.
 */
export function runScript(ctx: ScriptContext): string {
    return `#!/usr/bin/env python3
"""Runs ${ctx.sourceName} with PyNN (NEURON, Brian2, NEST or sPyNNaker).

Written by \`nirmesh export --to pynn\`; see README.md for the parameter mapping and for every
approximation this network needed.

    python3 run.py                                  # NEURON, one process
    python3 run.py --backend brian2
    mpirun -np 4 python3 run.py --backend neuron    # or: srun python3 run.py
"""
import argparse
import json
import os
import pathlib
import resource
import sys
import time

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
NETWORK = json.loads((HERE / "network.json").read_text())
STEPS = ${ctx.steps}
DT_MS = ${ctx.dtMs}
DEFAULT_INPUT = ${ctx.defaultInput ? `HERE / ${py(ctx.defaultInput)}` : 'None'}
BACKENDS = ("neuron", "brian2", "nest", "spiNNaker")
# Backends whose PyNN has IF_curr_delta; elsewhere a voltage jump is IF_curr_exp with tau_syn = dt/10.
DELTA_BACKENDS = ("brian2", "nest")
# The smallest connection delay in ticks: Brian2 delivers a spike in the tick it is sent (0); NEURON's
# parallel network needs delays that exceed dt (2); NEST and sPyNNaker take dt (1).
MIN_DELAY_TICKS = {"brian2": 0, "neuron": 2}
# The threshold of a non-spiking node (it never fires), and the membrane time constant of a leak-free one.
NEVER_FIRES_MV = 1e9
NO_LEAK_TAU_MS = 1e9
CM_NF = 1.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=BACKENDS, default="neuron", help="the PyNN backend (default neuron)")
    parser.add_argument("--steps", type=int, default=STEPS, help=f"ticks to run (default {STEPS})")
    parser.add_argument("--dt", type=float, default=DT_MS, help=f"the tick in ms (default {DT_MS})")
    parser.add_argument("--input", default=DEFAULT_INPUT, help="NIRData file whose spikes drive the Input nodes")
    parser.add_argument("--poisson", action="append", default=[], metavar="NODE=HZ", help="Poisson spikes on every neuron of an Input node")
    parser.add_argument("--seed", type=int, default=0, help="seed of the Poisson spikes (default 0)")
    parser.add_argument("--record", help="comma-separated nodes to record (default every node)")
    parser.add_argument("--out", default=str(HERE / "trace.h5"), help="where rank 0 writes the recordings as NIRData")
    args = parser.parse_args()
    if args.steps < 1 or not args.dt > 0:
        parser.error("--steps must be at least 1 and --dt positive")
    return args


def load_simulator(backend, dt):
    """The backend's PyNN module. NEURON needs mpi4py imported before it (else every MPI process runs the whole network)."""
    if backend == "neuron":
        try:
            from mpi4py import MPI  # noqa: F401
        except ImportError:
            pass
        mechanisms = os.environ.get("NIRMESH_NRNMECH_DIR")
        if mechanisms:
            # PyNN's NEURON mechanisms compiled elsewhere (nrnivmodl on pyNN/neuron/nmodl): load them, and
            # count PyNN's own folder as loaded, which pyNN.neuron would otherwise load (and fail on) itself.
            import neuron
            import pyNN

            neuron.load_mechanisms(mechanisms)
            neuron.nrn_dll_loaded.append(os.path.join(pyNN.__path__[0], "neuron", "nmodl"))
        import pyNN.neuron as sim
    elif backend == "brian2":
        import brian2

        # Spike sources run on Brian2's default clock: give it the tick. Numpy code needs no compiler.
        brian2.defaultclock.dt = dt * brian2.ms
        brian2.prefs.codegen.target = "numpy"
        import pyNN.brian2 as sim
    elif backend == "nest":
        import pyNN.nest as sim
    else:
        import pyNN.spiNNaker as sim
    return sim


def array(value):
    return np.asarray(value, dtype=np.float64)


def cell(sim, pop, backend, dt):
    """The PyNN cell of a NIR neuron node, its initial state, and the factor (per neuron) from a NIR weight to a PyNN weight.

    NIR per tick (α = exp(-dt/τ)): LIF v ← v_leak + (v - v_leak)·α + r·S·(1 - α); IF v ← v + r·S·dt;
    CubaLIF i ← i·β + w_in·S·(1 - β), v ← v_leak + (v - v_leak)·α + r·i·(1 - α). Voltages are mV.
    """
    p = {name: array(value) for name, value in pop["params"].items()}
    model = pop["model"]
    unit_ms = NETWORK["ms_per_unit"]
    bias = array(pop["bias"])
    r = p["r"]
    if model["leaky"]:
        tau_m = p["tau_mem"] if model["synapse"] == "current" else p["tau"]
        v_rest = p["v_leak"]
    else:
        tau_m, v_rest = array(NO_LEAK_TAU_MS), array(0.0)
    params = {"tau_m": tau_m, "v_rest": v_rest, "cm": CM_NF, "tau_refrac": 0.0}
    initial = {"v": v_rest}
    params["v_thresh"] = p["v_threshold"] if model["spiking"] else array(NEVER_FIRES_MV)
    params["v_reset"] = p["v_reset"] if model["spiking"] else v_rest
    if model["synapse"] == "current":
        tau_syn = p["tau_syn"]
        # Brian2's exact solver divides by tau_m - tau_syn: keep them apart.
        tau_syn = np.where(np.isclose(tau_syn, tau_m), tau_syn * (1 + 1e-6), tau_syn)
        alpha, beta = np.exp(-dt / tau_m), np.exp(-dt / tau_syn)
        params.update(tau_syn_E=tau_syn, tau_syn_I=tau_syn)
        params["i_offset"] = CM_NF * r * p["w_in"] * bias / tau_m
        # What a current of 1 nA at a tick's start adds to v by its end (decaying with tau_syn, leaking with tau_m).
        gain = (beta - alpha) * tau_m * tau_syn / ((tau_syn - tau_m) * CM_NF)
        # A spike's jump makes the v of every later tick NIR's: (1 - α)·r·i with i jumping by w_in·w·(1 - β).
        factor = r * p["w_in"] * (1 - alpha) * (1 - beta) / gain
        if np.any(bias != 0):
            # NIR's current starts at 0 and rises to w_in·bias with tau_syn: the constant i_offset plus a
            # synaptic current that starts at what makes v follow NIR's -w_in·bias·β^k from the first tick.
            initial["isyn_exc"] = -r * p["w_in"] * bias * (1 - alpha) * beta / gain
        celltype = sim.IF_curr_exp
    else:
        if model["leaky"]:
            # NIR adds r·S·(1 - α) before the tick's threshold test; PyNN adds the jump after it, so it decays once first.
            alpha = np.exp(-dt / tau_m)
            jump = r * (1 - alpha) / alpha
            params["i_offset"] = CM_NF * r * bias / tau_m
        else:
            jump = r * dt / unit_ms
            params["i_offset"] = CM_NF * r * bias / unit_ms
        if backend in DELTA_BACKENDS:
            factor, celltype = jump, sim.IF_curr_delta
        else:
            # A fixed-step integrator holds a current for the tick it starts in: a current of cm·Δv/dt that
            # all but ends within that tick (tau_syn = dt/10) moves v by about Δv.
            params.update(tau_syn_E=dt / 10, tau_syn_I=dt / 10)
            factor, celltype = jump * CM_NF * (1 - np.exp(-10.0)) / dt, sim.IF_curr_exp
    return celltype(**scalars(params)), scalars(initial), np.broadcast_to(factor, (pop["size"],))


def scalars(values):
    """Parameter values as PyNN takes them: a number where all neurons share it, else an array."""
    return {name: (float(v) if np.ndim(v) == 0 else v) for name, v in values.items()}


def deliver_after_reset(projection):
    """Brian2: apply a tick's spikes after the tick's resets (in NIR a neuron that fires still takes what arrives in that tick)."""
    for targets in projection._brian2_synapses.values():
        for synapses in targets.values():
            synapses.pre.when = "after_resets"


def sample_before_delivery(population):
    """Brian2: sample v after the tick's update and before the spikes delivered after the resets, as NIR's v of the tick."""
    recorder = population.recorder
    create = recorder._create_device

    def create_and_move(group, variable):
        create(group, variable)
        recorder._devices[variable].when = "before_thresholds"

    recorder._create_device = create_and_move


def end_refractoriness_at_reset(population):
    """Brian2: a reset ends refractoriness (tau_refrac is 0), so that the spikes delivered after it are not dropped."""
    group = population.brian2_group
    group.event_codes["spike"] += "\\nnot_refractory = True"


def input_spikes(path, dt, steps):
    """Spike times (ms, on the tick grid) per neuron of each Input node in a NIRData file; a spike at t belongs to tick floor(t/dt)."""
    import h5py

    spikes = {}
    with h5py.File(path, "r") as f:
        for pop in NETWORK["populations"]:
            if pop["model"] is not None:
                continue
            key = "nodes/" + "/nodes/".join(pop["nir_path"]) + "/observables/spikes"
            if key not in f:
                continue
            idx = np.asarray(f[key]["idx"], dtype=np.int64)
            ticks = np.floor(np.asarray(f[key]["time"], dtype=np.float64) * NETWORK["ms_per_unit"] / dt + 1e-9).astype(np.int64)
            keep = (ticks >= 0) & (ticks < steps) & (idx >= 0) & (idx < pop["size"])
            spikes[pop["name"]] = by_neuron(idx[keep], ticks[keep], pop["size"], dt)
    return spikes


def poisson_spikes(pop, rate_hz, seed, index, dt, steps):
    """Poisson spikes on the tick grid: each neuron fires in each tick with probability rate·dt, from a numpy generator seeded per node."""
    rng = np.random.default_rng([seed, index])
    chance = min(1.0, rate_hz * dt / 1000.0)
    idx, ticks = [], []
    for tick in range(steps):
        fired = np.flatnonzero(rng.random(pop["size"]) < chance)
        idx.append(fired)
        ticks.append(np.full(fired.size, tick))
    return by_neuron(np.concatenate(idx), np.concatenate(ticks), pop["size"], dt)


def by_neuron(idx, ticks, size, dt):
    order = np.lexsort((ticks, idx))
    idx, ticks = idx[order], ticks[order]
    bounds = np.searchsorted(idx, np.arange(size + 1))
    return [np.unique(ticks[bounds[n]:bounds[n + 1]]) * dt for n in range(size)]


def local_connections(proj, local, factor, min_delay):
    """The rows of a projection whose post neuron is on this rank, as [pre, post, weight, delay]: the files are sorted by post neuron and memory-mapped, so a rank reads only its own rows."""
    files = proj["files"]
    post = np.load(HERE / files["post"], mmap_mode="r")
    rows = np.flatnonzero(local[post])
    post = np.asarray(post[rows], dtype=np.int64)
    pre = np.asarray(np.load(HERE / files["pre"], mmap_mode="r")[rows], dtype=np.int64)
    weight = np.asarray(np.load(HERE / files["weight"], mmap_mode="r")[rows]) * factor[post]
    delay = np.full(rows.size, min_delay)
    if "extra_delay_ms" in files:
        delay = delay + np.asarray(np.load(HERE / files["extra_delay_ms"], mmap_mode="r")[rows])
    return np.column_stack([pre, post, weight, delay])


def build(sim, args, selected):
    """Creates the populations and projections; returns the populations by name."""
    from pyNN.parameters import Sequence

    given = input_spikes(args.input, args.dt, args.steps) if args.input else {}
    rates = dict(item.split("=", 1) for item in args.poisson)
    pops, factors = {}, {}
    for index, pop in enumerate(NETWORK["populations"]):
        name = pop["name"]
        if pop["model"] is None:
            if name in rates:
                times = poisson_spikes(pop, float(rates[name]), args.seed, index, args.dt, args.steps)
            else:
                times = given.get(name, [np.empty(0)] * pop["size"])
            source = sim.SpikeSourceArray(spike_times=[Sequence(t) for t in times])
            pops[name] = sim.Population(pop["size"], source, label=name)
            if name in selected:
                pops[name].record("spikes")
            continue
        celltype, initial, factors[name] = cell(sim, pop, args.backend, args.dt)
        pops[name] = sim.Population(pop["size"], celltype, initial_values=initial, label=name)
        if args.backend == "brian2":
            end_refractoriness_at_reset(pops[name])
        if name in selected:
            pops[name].record("spikes" if pop["model"]["spiking"] else "v")
            if args.backend == "brian2" and not pop["model"]["spiking"]:
                sample_before_delivery(pops[name])
    min_delay = MIN_DELAY_TICKS.get(args.backend, 1) * args.dt
    for proj in NETWORK["projections"]:
        post = pops[proj["post"]]
        local = np.asarray(getattr(post, "_mask_local", np.ones(post.size, dtype=bool)), dtype=bool)
        rows = local_connections(proj, local, factors[proj["post"]], min_delay)
        connector = sim.FromListConnector(rows, column_names=["weight", "delay"])
        projection = sim.Projection(pops[proj["pre"]], post, connector, sim.StaticSynapse(), receptor_type=proj["receptor"])
        if args.backend == "brian2":
            deliver_after_reset(projection)
    return pops


def recordings(pops, args, selected):
    """Gathers the recordings on rank 0 (None on the others): NIRData entries by NIR path, and spike counts by node."""
    unit = args.dt / NETWORK["ms_per_unit"]
    observed, counts = {}, {}
    for pop in NETWORK["populations"]:
        name = pop["name"]
        if name not in selected:
            continue
        spiking = pop["model"] is None or pop["model"]["spiking"]
        block = pops[name].get_data("spikes" if spiking else "v", gather=True)
        if sim_rank() != 0:
            continue
        segment = block.segments[0]
        if spiking:
            idx, ticks = [], []
            for train in segment.spiketrains:
                t = np.rint(np.asarray(train.magnitude) / args.dt).astype(np.int64)
                t = t[t < args.steps]
                idx.append(np.full(t.size, neuron_index(train, pops[name])))
                ticks.append(t)
            idx = np.concatenate(idx) if idx else np.empty(0, dtype=np.int64)
            ticks = np.concatenate(ticks) if ticks else np.empty(0, dtype=np.int64)
            order = np.lexsort((idx, ticks))
            counts[name] = int(idx.size)
            observed[tuple(pop["nir_path"])] = {"spikes": {"n_neurons": pop["size"], "idx": idx[order], "time": ticks[order] * unit}}
        else:
            signal = segment.analogsignals[0]
            values = np.zeros((args.steps, pop["size"]))
            # NIR's v of tick k is the value after k + 1 updates: the sample at (k + 1)·dt (sample 0 is the initial v).
            samples = np.asarray(signal.magnitude)[1:args.steps + 1]
            columns = np.asarray(signal.array_annotations.get("channel_index", np.arange(samples.shape[1])), dtype=np.int64)
            values[:samples.shape[0], columns] = samples
            observed[tuple(pop["nir_path"])] = {"v": {"dt": unit, "data": values[np.newaxis]}}
    return observed, counts


def neuron_index(train, population):
    """The neuron of a recorded spike train: PyNN annotates its index, or (Brian2) neo its cell id."""
    if "source_index" in train.annotations:
        return int(train.annotations["source_index"])
    return int(population.id_to_index(int(train.annotations["channel_id"])))


_RANK = [0]


def sim_rank():
    return _RANK[0]


def peak_rss_mb(sim):
    """This process's peak resident memory in MB, gathered from every rank (on rank 0)."""
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    if sim.num_processes() == 1:
        return [mine]
    from mpi4py import MPI

    return MPI.COMM_WORLD.gather(mine, root=0)


${WRITE_NIRDATA_PY}

def main():
    args = parse_args()
    known = {pop["name"] for pop in NETWORK["populations"]}
    selected = set(args.record.split(",")) if args.record else known
    unknown = sorted(selected - known)
    if unknown:
        sys.exit(f"run.py: --record names no node {', '.join(unknown)} (nodes: {', '.join(sorted(known))})")
    for item in args.poisson:
        name, _, rate = item.partition("=")
        if name not in known or not rate:
            sys.exit(f"run.py: --poisson {item}: name an Input node and a rate, NODE=HZ")
    started = time.perf_counter()
    sim = load_simulator(args.backend, args.dt)
    ticks = MIN_DELAY_TICKS.get(args.backend, 1)
    sim.setup(timestep=args.dt, **({"min_delay": ticks * args.dt} if ticks > 0 else {}))
    _RANK[0] = sim.rank()
    pops = build(sim, args, selected)
    built = time.perf_counter()
    sim.run(args.steps * args.dt)
    ran = time.perf_counter()
    observed, counts = recordings(pops, args, selected)
    rss = peak_rss_mb(sim)
    if sim_rank() == 0:
        write_nirdata(args.out, observed, args.steps * args.dt / NETWORK["ms_per_unit"])
        result = {
            "backend": args.backend, "np": sim.num_processes(), "steps": args.steps, "dt_ms": args.dt,
            "build_s": round(built - started, 3), "run_s": round(ran - built, 3), "spikes": counts,
            "peak_rss_mb": [round(x, 1) for x in rss], "out": args.out,
        }
        print("NIRMESH-RESULT " + json.dumps(result), flush=True)
    sim.end()


if __name__ == "__main__":
    main()
`;
}
