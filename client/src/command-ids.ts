/** The commands the extension contributes (package.json `contributes.commands`), by what they do. */
export const COMMANDS = {
    showPlacementReport: 'nirmesh.showPlacementReport',
    selectTarget: 'nirmesh.selectTarget',
    checkFile: 'nirmesh.checkFile',
    runNetwork: 'nirmesh.runNetwork',
    showTraces: 'nirmesh.showTraces',
} as const;
