"""Populations, projections and networks as py-spinnaker2's `snn` module takes them, validated."""
import numpy as np

LIF_PARAMS = {"threshold", "alpha_decay", "i_offset", "v_reset", "v_init", "reset"}
CURR_EXP_PARAMS = LIF_PARAMS | {"exc_decay", "inh_decay", "t_refrac"}
MODELS = {
    "spike_list": set(),
    "lif": LIF_PARAMS,
    "lif_no_delay": LIF_PARAMS,
    "lif_conv2d": LIF_PARAMS,
    "lif_curr_exp": CURR_EXP_PARAMS,
    "lif_curr_exp_no_delay": CURR_EXP_PARAMS,
}
# Models whose synapse word has a delay field: 4-bit weight magnitude, 3-bit delay.
DELAY_FIELD_MODELS = {"lif", "lif_curr_exp"}
RESETS = {"reset_by_subtraction", "reset_to_v_reset"}
RECORDABLES = {"spikes", "v", "v_last", "time_done"}
CONV_PARAMS = {"in_height", "in_width", "stride_x", "stride_y", "pool_x", "pool_y", "pad_top", "pad_bottom", "pad_left", "pad_right"}
MAX_ATOMS = 256


class Population:
    # py-spinnaker2's SNN API page: `name` is optional and `record` defaults to ["spikes"].
    def __init__(self, size, neuron_model, params, name=None, record=None):
        assert neuron_model in MODELS, f"unknown neuron_model {neuron_model!r}"
        self.size = int(size)
        self.neuron_model = neuron_model
        self.name = name
        self.record = ["spikes"] if record is None else list(record)
        assert set(self.record) <= RECORDABLES, f"{name}: cannot record {self.record}"
        if neuron_model == "spike_list":
            for neuron, steps in params.items():
                assert 0 <= int(neuron) < self.size, f"{name}: spike_list neuron {neuron} out of range"
                assert all(int(s) >= 0 for s in steps), f"{name}: negative spike step"
        else:
            unknown = set(params) - MODELS[neuron_model]
            assert not unknown, f"{name}: {neuron_model} has no parameters {sorted(unknown)}"
            assert params.get("reset", "reset_by_subtraction") in RESETS, f"{name}: bad reset {params.get('reset')!r}"
            for key, value in params.items():
                if key != "reset" and np.ndim(value) > 0:
                    assert len(value) == self.size, f"{name}.{key}: {len(value)} values for {self.size} neurons"
        self.params = params
        self.max_atoms_per_core = MAX_ATOMS

    def set_max_atoms_per_core(self, n):
        assert isinstance(n, int) and 1 <= n, f"{self.name}: max atoms per core must be a positive int, not {n!r}"
        assert self.neuron_model == "spike_list" or n <= MAX_ATOMS, f"{self.name}: {n} atoms per core > {MAX_ATOMS}"
        self.max_atoms_per_core = n

    def get_spikes(self):
        if self.neuron_model == "spike_list":
            return {int(k): list(v) for k, v in self.params.items()}
        return {}

    def get_voltages(self):
        return {}


def weight_limit(model):
    return 15 if model in DELAY_FIELD_MODELS else 127


class Projection:
    def __init__(self, pre, post, connections):
        self.pre, self.post = pre, post
        limit = weight_limit(post.neuron_model)
        rows = np.asarray(connections, dtype=np.int64).reshape(-1, 4)
        assert np.array_equal(rows, np.asarray(connections, dtype=np.float64).reshape(-1, 4)), "connection rows must be integers"
        assert ((rows[:, 0] >= 0) & (rows[:, 0] < pre.size)).all(), f"{pre.name}: pre index out of range"
        assert ((rows[:, 1] >= 0) & (rows[:, 1] < post.size)).all(), f"{post.name}: post index out of range"
        assert (np.abs(rows[:, 2]) <= limit).all(), f"{post.name} ({post.neuron_model}): weights beyond ±{limit}"
        assert ((rows[:, 3] >= 0) & (rows[:, 3] <= 7)).all(), "delay field beyond 0..7"
        self.rows = rows


class Conv2DProjection:
    def __init__(self, pre, post, weights, conv_params):
        assert post.neuron_model == "lif_conv2d", f"a Conv2DProjection needs a lif_conv2d post, not {post.neuron_model}"
        assert set(conv_params) == CONV_PARAMS, f"conv_params keys {sorted(conv_params)}"
        weights = np.asarray(weights)
        assert weights.dtype == np.int8 and weights.ndim == 4, "weights must be int8 [C_in, C_out, kH, kW]"
        c_in, c_out, kh, kw = weights.shape
        p = conv_params
        h, w = p["in_height"] // p["pool_x"], p["in_width"] // p["pool_y"]
        assert pre.size == c_in * p["in_height"] * p["in_width"], f"{pre.name}: {pre.size} neurons, not C_in·H·W"
        out_h = (h + p["pad_top"] + p["pad_bottom"] - kh) // p["stride_x"] + 1
        out_w = (w + p["pad_left"] + p["pad_right"] - kw) // p["stride_y"] + 1
        assert post.size == c_out * out_h * out_w, f"{post.name}: {post.size} neurons, not {c_out}·{out_h}·{out_w}"
        self.pre, self.post, self.weights, self.conv_params = pre, post, weights, dict(conv_params)
        self.out_shape = (out_h, out_w)

    def synapse_count(self):
        """Connections the kernel makes: every (output, kernel tap) inside the pooled input, times C_in·C_out and the pooling window."""
        c_in, c_out, kh, kw = self.weights.shape
        p = self.conv_params
        h, w = p["in_height"] // p["pool_x"], p["in_width"] // p["pool_y"]
        taps = 0
        for oy in range(self.out_shape[0]):
            for ky in range(kh):
                y = oy * p["stride_x"] - p["pad_top"] + ky
                if not 0 <= y < h:
                    continue
                for ox in range(self.out_shape[1]):
                    for kx in range(kw):
                        x = ox * p["stride_y"] - p["pad_left"] + kx
                        taps += 0 <= x < w
        return taps * c_in * c_out * p["pool_x"] * p["pool_y"]


class Network:
    def __init__(self, name=None):
        self.name = name
        self.populations, self.projections = [], []

    def add(self, *objects):
        for o in objects:
            (self.populations if isinstance(o, Population) else self.projections).append(o)

    def validate(self):
        names = [p.name for p in self.populations]
        assert len(names) == len(set(names)), "population names repeat"
        for proj in self.projections:
            assert proj.pre in self.populations and proj.post in self.populations, "a projection joins a population not in the network"
