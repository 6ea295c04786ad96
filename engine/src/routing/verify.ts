import type { RoutingEntry, VerifyOptions, VerifyResult } from './types.js';

/** Checks that a minimised table routes every key of the original as before. (Stub.) */
export function verifyTable(_original: readonly RoutingEntry[], _minimised: readonly RoutingEntry[], _options: VerifyOptions = {}): VerifyResult {
    throw new Error('verifyTable: not implemented yet');
}
