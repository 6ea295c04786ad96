/**
 * Colours: the theme's, read from VS Code's CSS variables (with defaults for the standalone page,
 * set in the page's style sheet), and a heat scale for use that reads on dark, light and
 * high-contrast backgrounds alike.
 */

/** The theme colours the canvas needs, read from the page's CSS custom properties. */
export interface ThemeColours {
    readonly foreground: string;
    readonly background: string;
    readonly muted: string;
    readonly chip: string;
    /** An unused PE inside a chip, and a chip's outline. */
    readonly idle: string;
    readonly border: string;
    readonly focus: string;
    readonly error: string;
    readonly highContrast: boolean;
}

/** Reads the theme from the `--nm-*` properties of the page's style sheet (which default to VS Code's). */
export function themeColours(element: Element): ThemeColours {
    const style = getComputedStyle(element);
    const read = (name: string) => style.getPropertyValue(name).trim();
    return {
        foreground: read('--nm-foreground'),
        background: read('--nm-background'),
        muted: read('--nm-muted'),
        chip: read('--nm-chip'),
        idle: read('--nm-idle'),
        border: read('--nm-border'),
        focus: read('--nm-focus'),
        error: read('--nm-error'),
        highContrast: document.body.classList.contains('vscode-high-contrast'),
    };
}

/** Viridis, sampled: dark blue (little) to yellow (full); perceptually even and colour-blind safe. */
const HEAT: readonly (readonly [number, number, number])[] = [
    [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];

/** Steps of the heat scale: colours are computed once per step, not per PE and frame. */
const HEAT_STEPS = 256;
const heatCache: string[] = [];

/** The heat colour of a use 0–1 (clamped, in 256 steps); uses above 1 are drawn in the theme's error colour. */
export function heatColour(value: number, theme: ThemeColours): string {
    if (value > 1) return theme.error;
    const step = Math.round(Math.max(0, Math.min(1, value)) * (HEAT_STEPS - 1));
    return (heatCache[step] ??= interpolate(step / (HEAT_STEPS - 1)));
}

function interpolate(value: number): string {
    const v = value * (HEAT.length - 1);
    const i = Math.min(HEAT.length - 2, Math.floor(v));
    const t = v - i;
    const [r, g, b] = HEAT[i].map((c, k) => Math.round(c + (HEAT[i + 1][k] - c) * t));
    return `rgb(${r},${g},${b})`;
}

/** The CSS gradient of the heat scale, for the legend. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${HEAT.map(([r, g, b]) => `rgb(${r},${g},${b})`).join(', ')})`;
