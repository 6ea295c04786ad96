import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The built webview files (`dist/webview-*.js`) a standalone HTML report inlines. They sit in `dist/`
 * beside the running bundle (`bin/nirmesh.cjs` and `dist/cli.cjs` are one level below the root), or,
 * when run from source (tests), in `dist/` of the working directory. Undefined when not built.
 */
export function readWebviewAsset(name: string, cwd: string): string | undefined {
    const script = process.argv[1] && existsSync(process.argv[1]) ? realpathSync(process.argv[1]) : '';
    const folders = [...(script ? [resolve(dirname(script), '..', 'dist')] : []), resolve(cwd, 'dist')];
    for (const folder of folders) {
        const path = join(folder, name);
        if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    return undefined;
}
