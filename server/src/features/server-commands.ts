import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { NO_TARGET_ID, type Registry } from '../../../engine/src/index.js';
import { guard } from '../guard.js';
import type { Feature } from '../server-context.js';
import { LIST_TARGETS_COMMAND, type TargetInfo } from '../../../protocol/index.js';

/** Every registered hardware target family, then `none` (the graph checks alone). */
export function listTargets(registry: Registry): TargetInfo[] {
    const targets: TargetInfo[] = registry.targets.all().map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        ...(t.argument ? { argument: t.argument } : {}),
    }));
    targets.push({ id: NO_TARGET_ID, title: 'No hardware', description: 'Check the NIR graph alone, without a machine.' });
    return targets;
}

/**
 * The server's `workspace/executeCommand` commands (the connection takes one handler, so every
 * command is dispatched here): the list of hardware targets for the client's picker.
 */
export const serverCommandsFeature: Feature = {
    id: 'server-commands',
    capabilities: { executeCommandProvider: { commands: [LIST_TARGETS_COMMAND] } },
    register(ctx) {
        ctx.connection.onExecuteCommand(guard(ctx.connection.console, 'executeCommand', (params: ExecuteCommandParams) => {
            if (params.command === LIST_TARGETS_COMMAND) return listTargets(ctx.engine.registry);
            return new ResponseError(ErrorCodes.InvalidParams, `unknown command '${params.command}'`);
        }));
    },
};
