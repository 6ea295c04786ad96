/**
 * The Python function an exported script writes its recordings with: NIRData in NIR's
 * `write_data` layout (the one `nirmesh run --out` writes, engine `writeNirData`), through h5py.
 * `observed` maps a node's NIR path (its names through nested graphs) to its observables:
 * `{"n_neurons", "idx", "time"}` for spikes (EventData), `{"dt", "data"}` for values sampled
 * every tick (TimeGriddedData, `data` of shape [1, steps, neurons]); times in the NIR file's unit.
 */
export const WRITE_NIRDATA_PY = `def write_nirdata(path, observed, t_max):
    """Writes recordings as NIRData (NIR's write_data layout) with h5py; times in the NIR file's unit."""
    import h5py

    with h5py.File(path, "w") as f:
        f.attrs["__type__"] = "NIRGraphData"
        nodes = f.create_group("nodes")
        for nir_path, observables in observed.items():
            *graphs, leaf = nir_path
            group = nodes
            for graph in graphs:
                group = group.require_group(graph)
                group.attrs["__type__"] = "NIRGraphData"
                group = group.require_group("nodes")
            node = group.create_group(leaf)
            node.attrs["__type__"] = "NIRNodeData"
            for name, data in observables.items():
                entry = node.require_group("observables").create_group(name)
                if "idx" in data:
                    entry.attrs["__type__"] = "EventData"
                    entry.attrs["n_neurons"] = np.int64(data["n_neurons"])
                    entry.attrs["t_max"] = np.float64(t_max)
                    entry.create_dataset("idx", data=np.asarray(data["idx"], dtype=np.int64))
                    entry.create_dataset("time", data=np.asarray(data["time"], dtype=np.float64))
                else:
                    entry.attrs["__type__"] = "TimeGriddedData"
                    entry.attrs["dt"] = np.float64(data["dt"])
                    entry.create_dataset("data", data=np.asarray(data["data"], dtype=np.float64))
`;

/** A Python string literal (JSON's escapes are Python's). */
export function py(text: string): string {
    return JSON.stringify(text);
}
