/**
 * The placement view's style sheet. Colours come from VS Code's theme variables (dark, light and
 * high-contrast themes), through `--nm-*` properties whose defaults serve the standalone page, light
 * or dark as the reader's system prefers.
 */
export const PLACEMENT_STYLE = `
:root {
  --nm-default-foreground: #1f2328; --nm-default-background: #ffffff; --nm-default-muted: #59636e;
  --nm-default-border: #d1d9e0; --nm-default-chip: #e6e9ed; --nm-default-focus: #0969da; --nm-default-error: #cf222e;
  --nm-default-panel: #f6f8fa;
}
@media (prefers-color-scheme: dark) {
  :root {
    --nm-default-foreground: #d4d4d4; --nm-default-background: #1e1e1e; --nm-default-muted: #9d9d9d;
    --nm-default-border: #3c3c3c; --nm-default-chip: #2d2d30; --nm-default-focus: #3794ff; --nm-default-error: #f14c4c;
    --nm-default-panel: #252526;
  }
}
:root {
  --nm-foreground: var(--vscode-editor-foreground, var(--nm-default-foreground));
  --nm-background: var(--vscode-editor-background, var(--nm-default-background));
  --nm-muted: var(--vscode-descriptionForeground, var(--nm-default-muted));
  --nm-border: var(--vscode-panel-border, var(--vscode-widget-border, var(--nm-default-border)));
  --nm-chip: var(--vscode-editorWidget-background, var(--nm-default-chip));
  --nm-panel: var(--vscode-sideBar-background, var(--nm-default-panel));
  --nm-idle: color-mix(in srgb, var(--nm-foreground) 9%, var(--nm-chip));
  --nm-focus: var(--vscode-focusBorder, var(--nm-default-focus));
  --nm-error: var(--vscode-errorForeground, var(--nm-default-error));
  --nm-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  --nm-mono: var(--vscode-editor-font-family, ui-monospace, "SF Mono", Menlo, Consolas, monospace);
}
body.vscode-high-contrast { --nm-chip: var(--vscode-editor-background); }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  font: 13px/1.45 var(--nm-font); color: var(--nm-foreground); background: var(--nm-background);
  display: grid; grid-template-rows: auto 1fr; overflow: hidden;
}
header {
  display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; padding: 8px 14px;
  border-bottom: 1px solid var(--nm-border);
}
header h1 { font-size: 14px; font-weight: 600; margin: 0; }
header .facts { color: var(--nm-muted); display: flex; gap: 14px; flex-wrap: wrap; }
header .facts b { color: var(--nm-foreground); font-weight: 600; }
header .spacer { flex: 1; }
header label { color: var(--nm-muted); }
select, button {
  font: inherit; color: var(--vscode-dropdown-foreground, var(--nm-foreground));
  background: var(--vscode-dropdown-background, var(--nm-background));
  border: 1px solid var(--vscode-dropdown-border, var(--nm-border)); border-radius: 3px; padding: 1px 6px;
}
button { cursor: pointer; }
:focus-visible { outline: 1px solid var(--nm-focus); outline-offset: 1px; }
main { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr) 260px; min-height: 0; }
section { position: relative; min-width: 0; min-height: 0; border-right: 1px solid var(--nm-border); }
section h2 {
  position: absolute; top: 6px; left: 12px; margin: 0; z-index: 1; pointer-events: none;
  font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--nm-muted);
}
#graph, #mesh { width: 100%; height: 100%; display: block; }
#graph { cursor: grab; }
#mesh { cursor: crosshair; touch-action: none; }
.status { position: absolute; inset: 0; display: grid; place-items: center; color: var(--nm-muted); pointer-events: none; }
.status:empty { display: none; }
svg .box rect { fill: var(--nm-chip); stroke: var(--nm-border); stroke-width: 1; }
svg .box.graph > rect, svg .box.group > rect { fill: none; stroke-dasharray: 4 3; }
svg .box.group > rect { stroke: var(--nm-muted); }
svg .box text.twisty { fill: var(--nm-muted); font: 11px var(--nm-font); cursor: pointer; }
svg .box text.twisty:hover { fill: var(--nm-focus); }
svg .box .bar { stroke: none; }
svg .box text { fill: var(--nm-foreground); font: 600 12px var(--nm-font); }
svg .box text.type { fill: var(--nm-muted); font: 11px var(--nm-mono); }
svg .box { cursor: pointer; }
svg .box:hover > rect { stroke: var(--nm-foreground); }
svg .box.selected > rect { stroke: var(--nm-focus); stroke-width: 2.5; }
svg .edge { fill: none; stroke: var(--nm-muted); stroke-width: 1.2; opacity: .8; }
svg .arrowhead { fill: var(--nm-muted); }
svg .edge.lit { stroke: var(--nm-focus); stroke-width: 2; opacity: 1; }
body.vscode-high-contrast svg .box rect { stroke: var(--vscode-contrastBorder, var(--nm-foreground)); }
body.vscode-high-contrast svg .edge { stroke: var(--nm-foreground); opacity: 1; }
aside { overflow: auto; padding: 10px 12px; background: var(--nm-panel); }
aside h3 { margin: 0 0 6px; font-size: 13px; overflow-wrap: anywhere; }
aside .kind { color: var(--nm-muted); font: 11px var(--nm-mono); margin-bottom: 8px; }
aside dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 10px; }
aside dt { color: var(--nm-muted); }
aside dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
aside ul { margin: 0; padding-left: 16px; }
aside li { overflow-wrap: anywhere; }
aside .hint { color: var(--nm-muted); }
aside .over { color: var(--nm-error); font-weight: 600; }
.legend { display: flex; align-items: center; gap: 6px; color: var(--nm-muted); font-size: 11px; }
.legend .scale { width: 90px; height: 8px; border-radius: 2px; }
`;
