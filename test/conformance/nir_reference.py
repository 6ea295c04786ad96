#!/usr/bin/env python3
"""An independent reference simulator of NIRmesh's simulation semantics (docs/simulation.md).

Written from the documented semantics alone, with dense numpy arrays and a direct evaluation of
the graph every tick; it shares no code or algorithm with the TypeScript simulator (which builds
sparse synapse rows and routes packets). Input on stdin, one JSON object:

  {"graph": {"nodes": {...}, "edges": [[src, dst], ...]},   # a flat NIR graph, explicit numbers
   "dt": 0.001,            # tick length in the graph's time unit
   "steps": 100,
   "inputs": {"input": [[tick, neuron], ...]},
   "record": ["lif1", ...]}

Output on stdout: {"spikes": {node: [[tick, neuron], ...]}, "v": {node: [[...per neuron...] per tick]}}

Semantics: in tick t every stateful node (Input, neuron) reads what its inputs produced in tick
t-1, through any stateless nodes (Affine, Linear, Scale, Conv1d/2d, SumPool2d, AvgPool2d, Flatten)
on the way; a Delay node of d ticks adds d ticks. alpha = exp(-dt/tau), beta = exp(-dt/tau_syn):
LI/LIF v = v_leak + (v - v_leak)*alpha + r*S*(1 - alpha); I/IF v = v + r*S*dt;
CubaLI/CubaLIF i = i*beta + w_in*S*(1 - beta), then the LI update with i; spike when
v > v_threshold, then v = v_reset; Threshold outputs S > threshold. Initial v = v_leak (0 for
I/IF), i = 0.
"""
import json
import sys

import numpy as np

STATEFUL = {'Input', 'LIF', 'LI', 'IF', 'I', 'CubaLIF', 'CubaLI', 'Threshold'}
SPIKING = {'Input', 'LIF', 'IF', 'CubaLIF', 'Threshold'}


def arr(x):
    return np.asarray(x, dtype=np.float64)


def pair(v, default):
    if v is None:
        return (default, default)
    v = np.atleast_1d(np.asarray(v)).astype(int).tolist()
    return (v[0], v[0]) if len(v) == 1 else (v[0], v[1])


def conv2d(x, w, stride, padding, dilation, groups, bias):
    """x [C, H, W], w [O, C/groups, KH, KW]: PyTorch's cross-correlation, by explicit loops."""
    c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    ph, pw = padding
    xp = np.zeros((c, h + 2 * ph, wd + 2 * pw))
    xp[:, ph:ph + h, pw:pw + wd] = x
    ho = (h + 2 * ph - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    wo = (wd + 2 * pw - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((o, ho, wo))
    og = o // groups
    for oc in range(o):
        g = oc // og
        for yo in range(ho):
            for xo in range(wo):
                acc = 0.0
                for ci in range(cg):
                    for ky in range(kh):
                        for kx in range(kw):
                            acc += w[oc, ci, ky, kx] * xp[g * cg + ci, yo * stride[0] + ky * dilation[0], xo * stride[1] + kx * dilation[1]]
                out[oc, yo, xo] = acc
    if bias is not None:
        out += arr(bias).reshape(-1, 1, 1)
    return out


def pool2d(x, kernel, stride, padding, average):
    c, h, wd = x.shape
    ph, pw = padding
    xp = np.zeros((c, h + 2 * ph, wd + 2 * pw))
    xp[:, ph:ph + h, pw:pw + wd] = x
    ho = (h + 2 * ph - kernel[0]) // stride[0] + 1
    wo = (wd + 2 * pw - kernel[1]) // stride[1] + 1
    out = np.zeros((c, ho, wo))
    for yo in range(ho):
        for xo in range(wo):
            out[:, yo, xo] = xp[:, yo * stride[0]:yo * stride[0] + kernel[0], xo * stride[1]:xo * stride[1] + kernel[1]].sum(axis=(1, 2))
    return out / (kernel[0] * kernel[1]) if average else out


def apply(node, x, in_shape):
    t = node['type']
    if t in ('Affine', 'Linear'):
        w = arr(node['weight'])
        y = w @ x.reshape(-1)
        return y + arr(node['bias']) if t == 'Affine' else y
    if t == 'Scale':
        return arr(node['scale']) * x.reshape(-1)
    if t == 'Flatten':
        return x.reshape(-1)
    if t in ('Conv2d', 'Conv1d'):
        w = arr(node['weight'])
        one_d = t == 'Conv1d'
        grid = x.reshape(in_shape if not one_d else (in_shape[0], 1, in_shape[1]))
        if one_d:
            w = w[:, :, None, :]
        stride, dilation = pair(node.get('stride'), 1), pair(node.get('dilation'), 1)
        padding = pair(node.get('padding'), 0)
        if one_d:
            stride, dilation, padding = (1, stride[1]), (1, dilation[1]), (0, padding[1])
        y = conv2d(grid, w, stride, padding, dilation, int(node.get('groups', 1)), node.get('bias'))
        return y.reshape(-1)
    if t in ('SumPool2d', 'AvgPool2d'):
        k = pair(node['kernel_size'], 1)
        y = pool2d(x.reshape(in_shape), k, pair(node.get('stride'), k[0]), pair(node.get('padding'), 0), t == 'AvgPool2d')
        return y.reshape(-1)
    raise ValueError('unsupported stateless node ' + t)


def main():
    spec = json.load(sys.stdin)
    nodes = spec['graph']['nodes']
    edges = spec['graph']['edges']
    dt, steps = spec['dt'], spec['steps']
    inputs_of = {name: [s for s, d in edges if d == name] for name in nodes}
    shapes = spec.get('shapes', {})

    state = {}
    for name, n in nodes.items():
        t = n['type']
        if t == 'Input':
            state[name] = {'out': np.zeros(int(np.prod(n['shape'])))}
        elif t in STATEFUL:
            size = int(np.prod(shapes[name]))
            full = lambda k, d=0.0: np.broadcast_to(arr(n.get(k, d)), (size,)).astype(np.float64).copy()
            s = {'size': size, 'out': np.zeros(size)}
            if t in ('LIF', 'LI', 'CubaLIF', 'CubaLI'):
                s['v'] = full('v_leak')
            else:
                s['v'] = np.zeros(size)
            s['i'] = np.zeros(size)
            s['p'] = {k: full(k) for k in ('tau', 'tau_mem', 'tau_syn', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in', 'threshold') if k in n}
            state[name] = s
    # Delay nodes keep a history of their input.
    history = {name: [] for name, n in nodes.items() if n['type'] == 'Delay'}
    input_ticks = {name: {} for name in spec.get('inputs', {})}
    for name, events in spec.get('inputs', {}).items():
        for tick, neuron in events:
            input_ticks[name].setdefault(int(tick), []).append(int(neuron))

    record = spec.get('record', [])
    spikes = {name: [] for name in record}
    volts = {name: [] for name in spec.get('probe', [])}

    def value(name, prev, t, memo):
        """What node `name` outputs for readers in tick t: stateful nodes give their tick t-1 output."""
        if name in memo:
            return memo[name]
        n = nodes[name]
        if n['type'] in STATEFUL:
            v = prev[name]
        elif n['type'] == 'Output':
            v = None
        else:
            total = None
            for src in inputs_of[name]:
                x = value(src, prev, t, memo)
                total = x if total is None else total + x
            if n['type'] == 'Delay':
                h = history[name]
                d = np.rint(arr(n['delay']) / dt).astype(int)
                size = total.size
                d = np.broadcast_to(d, (size,))
                v = np.zeros(size)
                for k in range(size):
                    back = t - d[k]
                    if back >= 0 and back < len(h):
                        v[k] = h[back][k]
                memo[name] = v
                return v
            v = apply(n, total, shapes.get(name + '.in'))
        memo[name] = v
        return v

    for t in range(steps):
        prev = {name: s['out'].copy() for name, s in state.items()}
        memo = {}
        # Delay histories: the value entering each Delay in tick t (from tick t-1 outputs).
        for name in history:
            total = None
            for src in inputs_of[name]:
                x = value(src, prev, t, memo)
                total = x if total is None else total + x
            history[name].append(total)
        for name, n in nodes.items():
            t_ = n['type']
            if t_ == 'Input':
                out = np.zeros_like(state[name]['out'])
                for k in input_ticks.get(name, {}).get(t, []):
                    out[k] = 1.0
                state[name]['out'] = out
            elif t_ in STATEFUL:
                s = state[name]
                S = np.zeros(s['size'])
                for src in inputs_of[name]:
                    S = S + value(src, prev, t, memo)
                p = s['p']
                if t_ in ('LIF', 'LI'):
                    a = np.exp(-dt / p['tau'])
                    s['v'] = p['v_leak'] + (s['v'] - p['v_leak']) * a + p['r'] * S * (1 - a)
                elif t_ in ('IF', 'I'):
                    s['v'] = s['v'] + p['r'] * S * dt
                elif t_ in ('CubaLIF', 'CubaLI'):
                    b = np.exp(-dt / p['tau_syn'])
                    s['i'] = s['i'] * b + p['w_in'] * S * (1 - b)
                    a = np.exp(-dt / p['tau_mem'])
                    s['v'] = p['v_leak'] + (s['v'] - p['v_leak']) * a + p['r'] * s['i'] * (1 - a)
                if t_ == 'Threshold':
                    fired = S > p['threshold']
                    s['v'] = S
                elif t_ in SPIKING:
                    fired = s['v'] > p['v_threshold']
                    s['v'] = np.where(fired, p['v_reset'], s['v'])
                else:
                    fired = None
                s['out'] = fired.astype(np.float64) if fired is not None else s['v'].copy()
            if name in spikes:
                for k in np.flatnonzero(state[name]['out'] if nodes[name]['type'] in SPIKING else []):
                    spikes[name].append([t, int(k)])
            if name in volts:
                volts[name].append(state[name]['v'].tolist())
    json.dump({'spikes': spikes, 'v': volts}, sys.stdout)


if __name__ == '__main__':
    main()
