import type { NodeKind } from '../../plugins/node-kind.js';

/** The 19 node types of NIR 1.0.x. (Stub: filled in by the node-kind work.) */
export const NIR_NODE_KINDS: readonly NodeKind[] = [];
