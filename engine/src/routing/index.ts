/**
 * Multicast routing on the chip mesh: routes, per-chip routing tables, their minimisation and
 * their verification.
 *
 * Architecture invariants:
 * - Pure functions of their arguments: no I/O, no global state, deterministic for the same input
 *   (iteration orders are fixed; no Math.random, no dependence on Map insertion from hashing).
 * - Keys and masks are unsigned 32-bit numbers (`>>> 0`); a table is an ordered list and the
 *   first matching entry wins. A key that no entry matches takes the default route (straight on).
 * - Routes are `RouteSet` values (6 links + a bigint PE set), compared by value, never by identity.
 * - `minimiseTable` never changes what the table does to a key the original routes (checked by
 *   `verifyTable`, which reasons on key/mask cubes and never enumerates the key space).
 * - Bad input (a key outside its mask, an unknown chip) becomes a `routing/…` problem, never a throw.
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
