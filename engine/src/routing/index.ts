/**
 * Multicast routing on the chip mesh: routes, per-chip routing tables, their minimisation and
 * their verification. See docs/routing.md.
 *
 * Architecture invariants:
 * - Pure functions of their arguments: no I/O, no global state, deterministic for the same input
 *   (no randomness; every iteration order is fixed by the input).
 * - Keys and masks are unsigned 32-bit numbers (`>>> 0`); a table is an ordered list and the
 *   first matching entry wins. A key that no entry matches takes the default route (straight on);
 *   an entry whose key has a bit outside its mask matches nothing.
 * - Routes are `RouteSet` values (6 links + a bigint PE set), compared by value, never by identity.
 * - Built tables are complete: default-routable entries stay in (marked by `source`) so that the
 *   minimiser guards their keys; `minimiseTable` drops them.
 * - `minimiseTable` never changes what the table does to a key the original routes (checked by
 *   `verifyTable`, which reasons on key/mask cubes and never enumerates the key space).
 * - Bad sources (a key outside its mask, an unknown chip or PE, shared keys, no path) become
 *   `routing/…` problems on the source's origin, never exceptions; the other sources are routed.
 */
export * from './types.js';
export * from './route-set.js';
export * from './mesh.js';
export * from './build-tables.js';
export * from './minimise.js';
export * from './verify.js';
export * from './cube.js';
export * from './default-route.js';
export * from './table-file.js';
export * from './paths.js';
