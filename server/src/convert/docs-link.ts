import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** GitHub's anchor for a heading such as ``### `nir/dangling-edge` ``: `nirdangling-edge`. */
export function headingAnchor(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s+/g, '-');
}

/** Every documented code in `docs/diagnostics/*.md`, with the file that documents it. */
function indexCodes(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    let names: string[] = [];
    try {
        names = readdirSync(dir).filter((name) => name.endsWith('.md'));
    } catch {
        return files;
    }
    for (const name of names.sort()) {
        const text = readFileSync(join(dir, name), 'utf8');
        for (const match of text.matchAll(/^### `([^`]+)`/gm)) if (!files.has(match[1])) files.set(match[1], join(dir, name));
    }
    return files;
}

/**
 * Makes `docsLink(code)`: the `file://` link of a code's entry in the project's
 * `docs/diagnostics/*.md` (the heading's anchor appended), found by reading those files once, on
 * first use. An undocumented code links to the namespace's file, `docs/diagnostics/<namespace>.md`.
 */
export function createDocsLink(rootDir: string): (code: string) => string {
    const dir = join(rootDir, 'docs', 'diagnostics');
    let index: Map<string, string> | undefined;
    return (code) => {
        index ??= indexCodes(dir);
        const file = index.get(code) ?? join(dir, `${code.split('/')[0]}.md`);
        return `${pathToFileURL(file).href}#${headingAnchor(code)}`;
    };
}
