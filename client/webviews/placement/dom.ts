/**
 * Building DOM without markup: every text goes through `textContent`, never `innerHTML`, so node
 * names (user input) always show as text.
 */

/** An HTML element with a class and text or children. */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', ...content: (Node | string)[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.append(...content);
    return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    return element;
}
