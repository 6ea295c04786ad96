import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built browser bundle of a webview (`dist/webview-NAME.js` and `.css`), read for a
 * self-contained page. Looked for beside the running bundle (`dist/cli.cjs`), then in the
 * working directory's `dist/` (tests and plain ESM runs).
 */
export function readWebviewBundle(name: string): { script: string; styles: string } {
    const here = typeof __dirname === 'string' ? [__dirname, join(dirname(__dirname), 'dist')] : [];
    const folder = [...here, join(process.cwd(), 'dist')].find((dir) => existsSync(join(dir, `webview-${name}.js`)));
    if (!folder) throw new Error(`the ${name} view is not built (dist/webview-${name}.js is missing; run npm run build)`);
    const styles = join(folder, `webview-${name}.css`);
    return { script: readFileSync(join(folder, `webview-${name}.js`), 'utf8'), styles: existsSync(styles) ? readFileSync(styles, 'utf8') : '' };
}
