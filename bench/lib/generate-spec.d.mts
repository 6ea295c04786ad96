/** A generated `*.nir.yaml` spec of `nodes` nodes (see generate-spec.mjs). */
export function generateSpec(options?: { nodes?: number; width?: number }): string;
/** The zero-based line of a middle LIF's `tau:` and its text, for one-line edits. */
export function middleTauLine(text: string): { line: number; text: string };
