/**
 * The trace view's style sheet. Colours come from VS Code's theme variables (dark, light and
 * high-contrast themes), through `--trace-*` properties whose defaults serve the standalone page.
 */
export const TRACE_STYLE = `
/* Defaults for the standalone page, light or dark as the reader's system prefers. */
:root {
    color-scheme: light dark;
    --trace-default-background: #ffffff; --trace-default-foreground: #1f2328; --trace-default-muted: #59636e;
    --trace-default-border: #d1d9e0; --trace-default-accent: #0969da; --trace-default-error: #cf222e;
    --trace-default-button: #f6f8fa; --trace-default-button-foreground: #1f2328;
}
@media (prefers-color-scheme: dark) {
    :root {
        --trace-default-background: #1e1e1e; --trace-default-foreground: #cccccc; --trace-default-muted: #9d9d9d;
        --trace-default-border: #3c3c3c; --trace-default-accent: #3794ff; --trace-default-error: #f48771;
        --trace-default-button: #3a3d41; --trace-default-button-foreground: #ffffff;
    }
}
:root {
    --trace-background: var(--vscode-editor-background, var(--trace-default-background));
    --trace-foreground: var(--vscode-editor-foreground, var(--trace-default-foreground));
    --trace-muted: var(--vscode-descriptionForeground, var(--trace-default-muted));
    --trace-grid: color-mix(in srgb, var(--trace-foreground) 14%, transparent);
    --trace-border: var(--vscode-panel-border, var(--trace-default-border));
    --trace-accent: var(--vscode-focusBorder, var(--trace-default-accent));
    --trace-error: var(--vscode-errorForeground, var(--trace-default-error));
    --trace-button: var(--vscode-button-secondaryBackground, var(--trace-default-button));
    --trace-button-foreground: var(--vscode-button-secondaryForeground, var(--trace-default-button-foreground));
}
html, body { margin: 0; height: 100%; }
body {
    background: var(--trace-background);
    color: var(--trace-foreground);
    font-family: var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: var(--vscode-font-size, 13px);
}
#trace-root { display: flex; flex-direction: column; height: 100%; }
header {
    display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px;
    padding: 10px 16px; border-bottom: 1px solid var(--trace-border);
}
.title h1 { font-size: 1.25em; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
.subtitle { color: var(--trace-muted); font-size: 0.92em; }
.figures { display: flex; gap: 20px; flex-wrap: wrap; }
.figure { display: flex; flex-direction: column; }
.figure .value { font-size: 1.2em; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .label { color: var(--trace-muted); font-size: 0.85em; }
.figure.warn .value { color: var(--trace-error); }
.toolbar { display: flex; gap: 6px; margin-left: auto; }
button {
    background: var(--trace-button); color: var(--trace-button-foreground);
    border: 1px solid var(--trace-border); border-radius: 2px; padding: 4px 10px; font: inherit; cursor: pointer;
}
button:hover { border-color: var(--trace-accent); }
.status { color: var(--trace-muted); width: 100%; }
.status:empty { display: none; }
.status.error { color: var(--trace-error); }
main { display: flex; flex: 1; min-height: 0; }
.plots { flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 4px 8px 8px; gap: 4px; overflow-y: auto; }
.panel h2, .side h2 {
    font-size: 0.8em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
    color: var(--trace-muted); margin: 8px 0 2px;
}
canvas { display: block; width: 100%; touch-action: none; cursor: grab; }
canvas:active { cursor: grabbing; }
canvas:focus-visible { outline: 1px solid var(--trace-accent); }
#raster { height: 46vh; min-height: 220px; }
#rates, #probes, #traffic { height: 18vh; min-height: 110px; }
aside { width: 320px; flex: none; overflow-y: auto; padding: 4px 16px 16px; border-left: 1px solid var(--trace-border); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th { text-align: left; font-weight: 600; color: var(--trace-muted); font-size: 0.85em; }
th, td { padding: 2px 6px 2px 0; vertical-align: middle; }
td { overflow-wrap: anywhere; }
td:not(:nth-child(2)) { white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.barcell { position: relative; display: block; min-width: 70px; }
.bar { position: absolute; left: 0; bottom: 0; height: 3px; background: var(--trace-accent); opacity: 0.7; border-radius: 1px; }
.barcell span:last-child { position: relative; }
.note { color: var(--trace-muted); font-size: 0.85em; margin: 4px 0; }
@media (max-width: 760px) { main { flex-direction: column; } aside { width: auto; border-left: none; } }
`;
