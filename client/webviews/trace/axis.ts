/** Round tick positions (1, 2 or 5 × 10^k apart) for about `count` ticks across `[min, max]`. */
export function niceTicks(min: number, max: number, count: number): number[] {
    if (!(max > min)) return [min];
    const raw = (max - min) / Math.max(1, count);
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
    const ticks: number[] = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
    return ticks;
}

/** A number for an axis label or a table: short, with an SI prefix past thousands. */
export function formatNumber(value: number): string {
    if (!Number.isFinite(value)) return '–';
    const abs = Math.abs(value);
    if (abs >= 1e9) return `${(value / 1e9).toPrecision(3)}G`;
    if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
    if (abs >= 1e4) return `${(value / 1e3).toPrecision(3)}k`;
    if (abs === 0 || abs >= 1) return String(Number(value.toPrecision(4)));
    return value.toPrecision(3);
}

/** Joules with the prefix that fits (nJ … J). */
export function formatJoules(joules: number): string {
    const abs = Math.abs(joules);
    const [scale, unit] = abs >= 1 ? [1, 'J'] : abs >= 1e-3 ? [1e3, 'mJ'] : abs >= 1e-6 ? [1e6, 'µJ'] : abs >= 1e-9 || abs === 0 ? [1e9, 'nJ'] : [1e12, 'pJ'];
    return `${Number((joules * scale).toPrecision(3))} ${unit}`;
}
