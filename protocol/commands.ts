/** The commands the extension contributes (package.json `contributes.commands`), by what they do. */
export const COMMANDS = {
    /** "NIRmesh: Show Placement": the placement view of a spec or `.nir` file. */
    showPlacement: 'nirmesh.showPlacement',
    /**
     * The id of the text report this view replaced; still registered (hidden from the palette) so
     * that keybindings, and code lenses of servers that predate the view, keep working.
     */
    showPlacementReport: 'nirmesh.showPlacementReport',
    /** "NIRmesh: Convert": a `.nir` file to a spec beside it, or a spec to a `.nir` file. */
    convert: 'nirmesh.convert',
    selectTarget: 'nirmesh.selectTarget',
    checkFile: 'nirmesh.checkFile',
    /** "NIRmesh: Export for SpiNNaker2": a py-spinnaker2 script of the network, written by the server. */
    exportForSpiNNaker2: 'nirmesh.exportForSpiNNaker2',
    /** "NIRmesh: Run Network": run the spec through the server, then show its trace view. */
    runNetwork: 'nirmesh.runNetwork',
    /** "NIRmesh: Show Traces": the trace view of the spec's last run. */
    showTraces: 'nirmesh.showTraces',
    /** "NIRmesh: Open as YAML": converts the `.nir` file of the NIR file editor to a spec beside it and opens that. */
    openAsYaml: 'nirmesh.openAsYaml',
} as const;

/** The server's `workspace/executeCommand` that lists the hardware targets (result: `TargetInfo[]`). */
export const LIST_TARGETS_COMMAND = 'nirmesh.server.listTargets';

/** One hardware target as the target picker shows it. */
export interface TargetInfo {
    /** The id to write into `nirmesh.target` (without argument for parametric families). */
    readonly id: string;
    readonly title: string;
    readonly description: string;
    /** For parametric families (`spinnaker2-boards`): what the `:N` argument means. */
    readonly argument?: string;
}

/** The view type of the read-only editor of `.nir` files (package.json `customEditors`). */
export const NIR_FILE_EDITOR_VIEW_TYPE = 'nirmesh.nirFile';
