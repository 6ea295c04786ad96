/** Small DOM builders. Every text goes in through `textContent`: node names are user input. */

/** An element with a class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

/** A table with a header row and one row per entry; `cells` gives each row's texts. */
export function table<T>(headers: readonly string[], rows: readonly T[], cells: (row: T) => readonly (string | Node)[]): HTMLTableElement {
    const result = element('table');
    const head = result.createTHead().insertRow();
    for (const header of headers) head.appendChild(element('th', undefined, header));
    const body = result.createTBody();
    for (const row of rows) {
        const tr = body.insertRow();
        for (const cell of cells(row)) {
            const td = tr.insertCell();
            if (typeof cell === 'string') td.textContent = cell;
            else td.appendChild(cell);
        }
    }
    return result;
}

/** A square of a colour, for legends. */
export function swatch(colour: string): HTMLSpanElement {
    const node = element('span', 'swatch');
    node.style.background = colour;
    return node;
}
