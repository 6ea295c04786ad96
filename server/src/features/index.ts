import type { Feature } from '../server-context.js';

/**
 * Every editing feature (completion, hover, navigation, rename, symbols, folding, code lens,
 * code actions, semantic tokens), each in its own file, registered here in one closed list.
 */
export const FEATURES: readonly Feature[] = [];
