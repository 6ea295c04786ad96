import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where a guard reports a failure: `connection.console` fits, and so does a test's collector. */
export interface GuardLog {
    error(message: string): void;
}

/** True for the engine's `OperationCancelled` (compared by name, so that bundled copies match too). */
export function isCancellation(error: unknown): boolean {
    return error instanceof Error && error.name === 'OperationCancelled';
}

/** The message and, where there is one, the stack of a thrown value, for the log. */
function describe(error: unknown): string {
    if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
}

/** Anything the first argument of a request handler may be followed by; only a cancellation token is looked at. */
type MaybeToken = { readonly isCancellationRequested?: boolean } | undefined;

/**
 * Wraps a request handler so that it can never end the server (rust-analyzer's "every request is
 * guarded"): a thrown error or a rejected promise becomes an `InternalError` response naming the
 * handler, and is logged with its stack; `OperationCancelled`, or any failure after the request's
 * token fired, becomes LSP's `RequestCancelled`; a thrown `ResponseError` (such as `InvalidParams`)
 * is answered as it is.
 *
 * ```ts
 * connection.onHover(guard(ctx.connection.console, 'hover', (params, token) => hover(ctx, params, token)));
 * ```
 */
export function guard<A extends unknown[], R, E = void>(
    log: GuardLog,
    name: string,
    handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R | ResponseError<E>> {
    return async (...args: A) => {
        try {
            return await handler(...args);
        } catch (error) {
            if (error instanceof ResponseError) return error as ResponseError<E>;
            const token = args[1] as MaybeToken;
            if (isCancellation(error) || token?.isCancellationRequested === true) {
                return new ResponseError<E>(LSPErrorCodes.RequestCancelled, `${name}: cancelled`);
            }
            log.error(`nirmesh: ${name} failed: ${describe(error)}`);
            const message = error instanceof Error ? error.message : String(error);
            return new ResponseError<E>(ErrorCodes.InternalError, `${name} failed: ${message}`);
        }
    };
}

/**
 * Wraps a notification handler (no response to send): a thrown error or a rejected promise is
 * logged and swallowed, so the server keeps running. Cancellations are not errors and are dropped silently.
 */
export function guardNotification<A extends unknown[]>(
    log: GuardLog,
    name: string,
    handler: (...args: A) => void | Promise<void>,
): (...args: A) => void {
    const report = (error: unknown) => {
        if (!isCancellation(error)) log.error(`nirmesh: ${name} failed: ${describe(error)}`);
    };
    return (...args: A) => {
        try {
            const result = handler(...args);
            if (result instanceof Promise) result.catch(report);
        } catch (error) {
            report(error);
        }
    };
}
