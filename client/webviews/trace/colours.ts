/**
 * Population colours: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), which
 * colour-blind readers can tell apart, without its yellow (unreadable on light themes), then a few
 * more hues. Each population keeps its colour in every panel.
 */
const PALETTE = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#0072b2', '#d55e00', '#8c8cff', '#a6761d', '#66a61e', '#e7298a'];

/** The CSS colour of the `index`-th population. */
export function populationColour(index: number): string {
    return PALETTE[index % PALETTE.length]!;
}

/** A `#rrggbb` colour as an opaque pixel word of a little-endian RGBA `ImageData` buffer. */
export function pixelWord(css: string): number {
    const rgb = Number.parseInt(css.slice(1), 16);
    const r = (rgb >> 16) & 0xff;
    const g = (rgb >> 8) & 0xff;
    const b = rgb & 0xff;
    return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
