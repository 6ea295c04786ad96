/**
 * The engine's view of a cancellation token: structurally the same as LSP's and vscode's,
 * so the server passes its tokens straight in.
 */
export interface CancellationToken {
    readonly isCancellationRequested: boolean;
}

/** A token that is never cancelled, for the CLI and tests. */
export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Thrown by long-running engine work when its token is cancelled; caught at the server boundary. */
export class OperationCancelled extends Error {
    constructor() {
        super('operation cancelled');
        this.name = 'OperationCancelled';
    }
}

/** Throws `OperationCancelled` if the token has fired. Cheap enough to call in inner loops every few thousand items. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
    if (token?.isCancellationRequested) throw new OperationCancelled();
}

/**
 * Yields to the event loop every `intervalMs` of work, then checks the token, so a long synchronous
 * stage neither blocks the server nor ignores a newer edit. Create one per operation.
 */
export function createInterrupter(token: CancellationToken | undefined, intervalMs = 10): () => Promise<void> {
    let last = performance.now();
    return async () => {
        const now = performance.now();
        if (now - last < intervalMs) return;
        last = now;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        last = performance.now();
        throwIfCancelled(token);
    };
}
