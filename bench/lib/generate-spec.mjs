// Generates large `*.nir.yaml` specs for benchmarks: a deep feed-forward network
// Input → (Affine → LIF) × k → Output with seeded procedural weights, so the text grows with the
// node count (about 8 lines a node) while the numbers stay recipes. Deterministic for its options.

/**
 * A spec with `nodes` nodes in total (at least 4; an odd remainder becomes one more LIF-less
 * Affine before the output), each population `width` neurons wide.
 * @param {{ nodes?: number, width?: number }} [options]
 * @returns {string}
 */
export function generateSpec({ nodes = 5000, width = 16 } = {}) {
    const layers = Math.max(1, Math.floor((nodes - 2) / 2));
    const extraAffine = nodes - 2 - layers * 2 > 0;
    const pad = String(layers + 1).length;
    const id = (i) => String(i).padStart(pad, '0');
    const lines = ['version: "1.0.8"', 'node:', '  type: NIRGraph', '  nodes:', `    input: {type: Input, shape: [${width}]}`];
    const edges = [];
    let previous = 'input';
    const affine = (name, seed) => {
        lines.push(
            `    ${name}:`,
            '      type: Affine',
            `      weight: {shape: [${width}, ${width}], normal: {mean: 0, std: 0.5, seed: ${seed}}}`,
            `      bias: {shape: [${width}], zeros: true}`,
        );
        edges.push(`    - [${previous}, ${name}]`);
        previous = name;
    };
    for (let i = 1; i <= layers; i++) {
        affine(`fc${id(i)}`, i);
        const lif = `lif${id(i)}`;
        lines.push(`    ${lif}:`, '      type: LIF', `      shape: [${width}]`, '      tau: 0.02', '      r: 1', '      v_leak: 0', '      v_threshold: 1', '      v_reset: 0');
        edges.push(`    - ${previous} -> ${lif}`);
        previous = lif;
    }
    if (extraAffine) affine(`fc${id(layers + 1)}`, layers + 1);
    lines.push(`    output: {type: Output, shape: [${width}]}`);
    edges.push(`    - [${previous}, output]`);
    lines.push('  edges:', ...edges, `  metadata: {description: "generated: ${nodes} nodes", dt: 0.001}`, '');
    return lines.join('\n');
}

/**
 * The zero-based line of a middle LIF's `tau:` and its text, for one-line edits.
 * @param {string} text
 * @returns {{ line: number, text: string }}
 */
export function middleTauLine(text) {
    const lines = text.split('\n');
    const taus = lines.flatMap((l, i) => (l.startsWith('      tau: ') ? [i] : []));
    const line = taus[Math.floor(taus.length / 2)];
    return { line, text: lines[line] };
}
