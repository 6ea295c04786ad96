/**
 * Inline expectation markers for data-driven fixtures. In a fixture, `⟦code|text⟧` says: a
 * problem with this code covers exactly `text`. Several codes on one range are separated by
 * commas (`⟦nir/a,nir/b|text⟧`), and markers nest (`⟦nir/a|x ⟦nir/b|y⟧⟧`). A marker with empty
 * text (`⟦code|⟧`) expects an empty range at that point. The markers are stripped before the
 * text is parsed; ranges are UTF-16 offsets into the stripped text.
 */

/** One expected problem: its code and the range of the text it covers. */
export interface ExpectedMarker {
    readonly code: string;
    readonly start: number;
    readonly end: number;
}

/** A fixture with its markers removed, and what they expect. */
export interface MarkedText {
    readonly text: string;
    readonly expected: ExpectedMarker[];
}

const OPEN = '⟦';
const CLOSE = '⟧';
const SEPARATOR = '|';

/** Strips the markers from a fixture; throws on a malformed marker (a broken fixture is a test bug). */
export function parseMarkers(source: string): MarkedText {
    let text = '';
    const expected: ExpectedMarker[] = [];
    const open: { codes: string[]; start: number }[] = [];
    let i = 0;
    while (i < source.length) {
        const ch = source[i];
        if (ch === OPEN) {
            const bar = source.indexOf(SEPARATOR, i);
            if (bar < 0) throw new Error(`marker at offset ${i} has no '|'`);
            const codes = source.slice(i + 1, bar).split(',').map((c) => c.trim());
            if (codes.some((c) => !/^[a-z0-9]+\/[a-z0-9-]+$/.test(c))) throw new Error(`marker at offset ${i} has a bad code list '${codes.join(',')}'`);
            open.push({ codes, start: text.length });
            i = bar + 1;
        } else if (ch === CLOSE) {
            const marker = open.pop();
            if (!marker) throw new Error(`unmatched '${CLOSE}' at offset ${i}`);
            for (const code of marker.codes) expected.push({ code, start: marker.start, end: text.length });
            i++;
        } else {
            text += ch;
            i++;
        }
    }
    if (open.length > 0) throw new Error(`${open.length} marker(s) not closed`);
    return { text, expected };
}

/** Sorts problems or markers by position, then code, so lists compare exactly. */
export function byPosition<T extends ExpectedMarker>(items: readonly T[]): T[] {
    return [...items].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** The text a range covers, for readable failure messages. */
export function describeRange(text: string, marker: ExpectedMarker): string {
    return `${marker.code} @${marker.start}-${marker.end} ${JSON.stringify(text.slice(marker.start, marker.end))}`;
}
