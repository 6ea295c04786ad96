/** The commands the extension contributes (package.json `contributes.commands`), by what they do. */
export const COMMANDS = {
    showPlacementReport: 'nirmesh.showPlacementReport',
    selectTarget: 'nirmesh.selectTarget',
    checkFile: 'nirmesh.checkFile',
    exportForSpiNNaker2: 'nirmesh.exportForSpiNNaker2',
} as const;
