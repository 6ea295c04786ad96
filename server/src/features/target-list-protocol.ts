/**
 * The `workspace/executeCommand` that lists the hardware targets, shared with the VS Code client.
 * This file has no runtime imports, so the client can import it without bundling server code.
 */

/** The command id; the client runs it to fill its target picker. */
export const LIST_TARGETS_COMMAND = 'nirmesh.server.listTargets';

/** One hardware target as the picker shows it. */
export interface TargetInfo {
    /** The id to write into `nirmesh.target` (without argument for parametric families). */
    readonly id: string;
    readonly title: string;
    readonly description: string;
    /** For parametric families (`spinnaker2-boards`): what the `:N` argument means. */
    readonly argument?: string;
}
