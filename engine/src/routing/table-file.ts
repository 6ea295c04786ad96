import { RouteSet } from './route-set.js';
import type { RoutingEntry } from './types.js';

/** One chip's table read from a routing-table file. */
export interface ChipTable {
    readonly x: number;
    readonly y: number;
    readonly entries: RoutingEntry[];
}

/**
 * Reads the routing-table files of Mundy et al. (HPSR 2016): a little-endian sequence of tables,
 * each `x: u8, y: u8, n: u16` followed by `n` entries of four `u32` (key, mask, source, route;
 * route bits 0–5 are links, 6 and up cores). A truncated file gives the complete tables and an
 * error naming the byte offset where the damage starts.
 */
export function parseRoutingTableFile(bytes: Uint8Array): { tables: ChipTable[]; error?: string } {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tables: ChipTable[] = [];
    let offset = 0;
    while (offset < bytes.byteLength) {
        if (offset + 4 > bytes.byteLength) return { tables, error: `truncated table header at byte ${offset}` };
        const x = view.getUint8(offset);
        const y = view.getUint8(offset + 1);
        const n = view.getUint16(offset + 2, true);
        if (offset + 4 + 16 * n > bytes.byteLength) {
            return { tables, error: `table (${x}, ${y}) at byte ${offset} declares ${n} entries but the file ends first` };
        }
        offset += 4;
        const entries: RoutingEntry[] = [];
        for (let i = 0; i < n; i++, offset += 16) {
            entries.push({
                key: view.getUint32(offset, true),
                mask: view.getUint32(offset + 4, true),
                source: view.getUint32(offset + 8, true) & 0x3f,
                route: RouteSet.fromWord(view.getUint32(offset + 12, true)),
            });
        }
        tables.push({ x, y, entries });
    }
    return { tables };
}
