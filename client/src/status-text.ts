import type { MapReport } from '../../protocol/index.js';

/** `37%`, from a use and a limit. */
function percent(used: number, limit: number | undefined): string {
    return limit ? `${Math.round((100 * used) / limit)}%` : '?';
}

/** The status bar text of a map report: the target, then the PE, SRAM and router use of the fullest PE or chip. */
export function statusText(report: MapReport | undefined, target: string): { text: string; tooltip: string } {
    const p = report?.placement;
    if (!p) return { text: `$(circuit-board) ${target}`, tooltip: report?.blocked ? 'NIRmesh: not mapped (the network has errors)' : `NIRmesh target: ${target}` };
    const l = p.limits;
    const sram = p.nodes.reduce((a, n) => Math.max(a, n.maxSramBytes ?? 0), 0);
    const routes = p.chips.reduce((a, c) => Math.max(a, c.routerEntries), 0);
    return {
        text: `$(circuit-board) ${target}  PE ${percent(p.pesUsed, l?.pes)}  SRAM ${percent(sram, l?.sramBytesPerPe)}  router ${percent(routes, l?.routerEntriesPerChip)}`,
        tooltip: `NIRmesh on ${target}: ${p.pesUsed} of ${l?.pes ?? '?'} PEs on ${p.chipsUsed} chips; fullest PE ${sram} of ${l?.sramBytesPerPe ?? '?'} B SRAM; fullest routing table ${routes} of ${l?.routerEntriesPerChip ?? '?'} entries. Click to pick another target.`,
    };
}
