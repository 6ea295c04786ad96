/** A zero-based line and UTF-16 character position, as LSP and the `--json` output use. */
export interface LineColumn {
    readonly line: number;
    readonly character: number;
}

/**
 * Converts offsets to line/column positions for the command line's output.
 * (The language server uses `TextDocument.positionAt`; both agree on `\n`, `\r\n` and `\r`.)
 */
export class LineIndex {
    private readonly lineStarts: number[];

    constructor(private readonly text: string) {
        const starts = [0];
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 13 /* \r */) {
                if (text.charCodeAt(i + 1) === 10) i++;
                starts.push(i + 1);
            } else if (ch === 10 /* \n */) {
                starts.push(i + 1);
            }
        }
        this.lineStarts = starts;
    }

    /** The position of an offset; offsets outside the text are clamped to it. */
    positionAt(offset: number): LineColumn {
        const clamped = Math.max(0, Math.min(offset, this.text.length));
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= clamped) low = mid;
            else high = mid - 1;
        }
        return { line: low, character: clamped - this.lineStarts[low] };
    }

    /** The offset of a position; positions past a line's end are clamped to it. */
    offsetAt(position: LineColumn): number {
        if (position.line < 0) return 0;
        if (position.line >= this.lineStarts.length) return this.text.length;
        const start = this.lineStarts[position.line];
        const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
        return Math.max(start, Math.min(start + position.character, next));
    }
}
