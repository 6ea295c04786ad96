import { UsageError } from './cli-context.js';

/** The flag every command that builds an engine takes, repeatably: `--plugin MODULE` or `--plugin=MODULE`. */
export const PLUGIN_FLAG = '--plugin';

const NEEDS_MODULE = `${PLUGIN_FLAG} needs a MODULE (a path, or a package name)`;

/**
 * Takes every `--plugin MODULE` out of a command's arguments (those before a `--`), so that each
 * command's own parser never sees it. A `--plugin` without a module is a usage error.
 */
export function takePluginFlags(args: readonly string[]): { modules: string[]; rest: string[] } {
    const modules: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            rest.push(...args.slice(i));
            break;
        }
        if (arg.startsWith(`${PLUGIN_FLAG}=`)) modules.push(arg.slice(PLUGIN_FLAG.length + 1));
        else if (arg === PLUGIN_FLAG) {
            const module = args[++i];
            modules.push(module === '--' ? '' : (module ?? ''));
        } else rest.push(arg);
    }
    if (modules.includes('')) throw new UsageError(NEEDS_MODULE);
    return { modules, rest };
}
