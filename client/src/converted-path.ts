/** The file a conversion writes: `net.nir` → `net.nir.yaml`, `net.nir.yaml` (or `.yml`) → `net.nir`; undefined otherwise. */
export function convertedPath(path: string): string | undefined {
    if (/\.nir$/i.test(path)) return `${path}.yaml`;
    const spec = /\.nir\.ya?ml$/i.exec(path);
    return spec ? path.slice(0, spec.index + 4) : undefined;
}
