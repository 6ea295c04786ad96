import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { OperationCancelled } from '../../engine/src/index.js';
import { guard, guardNotification } from '../../server/src/guard.js';

function collector() {
    const lines: string[] = [];
    return { lines, log: { error: (message: string) => void lines.push(message) } };
}

describe('guard', () => {
    it('passes results through', async () => {
        const { log } = collector();
        expect(await guard(log, 'hover', (x: number) => x * 2)(21)).toBe(42);
    });

    it('answers a thrown error with InternalError naming the handler, and logs the stack', async () => {
        const { log, lines } = collector();
        const result = await guard(log, 'hover', () => {
            throw new TypeError('cannot read line of undefined');
        })();
        expect(result).toBeInstanceOf(ResponseError);
        expect((result as ResponseError<void>).code).toBe(ErrorCodes.InternalError);
        expect((result as ResponseError<void>).message).toBe('hover failed: cannot read line of undefined');
        expect(lines[0]).toMatch(/^nirmesh: hover failed: TypeError: cannot read line of undefined\n\s+at /);
    });

    it('answers a rejected promise the same way', async () => {
        const { log } = collector();
        const result = await guard(log, 'completion', async () => Promise.reject(new Error('no')))();
        expect((result as ResponseError<void>).code).toBe(ErrorCodes.InternalError);
    });

    it('turns OperationCancelled, or any failure after the token fired, into RequestCancelled without logging', async () => {
        const { log, lines } = collector();
        const cancelled = await guard(log, 'map', () => {
            throw new OperationCancelled();
        })();
        expect((cancelled as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);
        const source = new CancellationTokenSource();
        source.cancel();
        const late = await guard(log, 'map', (_params: unknown, _token: unknown) => {
            throw new Error('interrupted');
        })({}, source.token);
        expect((late as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);
        expect(lines).toEqual([]);
    });

    it('answers a thrown ResponseError as it is', async () => {
        const { log } = collector();
        const result = await guard(log, 'map', () => {
            throw new ResponseError(ErrorCodes.InvalidParams, 'uri missing');
        })();
        expect(result).toMatchObject({ code: ErrorCodes.InvalidParams, message: 'uri missing' });
    });
});

describe('guardNotification', () => {
    it('logs thrown errors and rejections instead of letting them escape', async () => {
        const { log, lines } = collector();
        expect(() => guardNotification(log, 'didOpen', () => {
            throw new Error('sync');
        })()).not.toThrow();
        let rejected!: () => void;
        const settled = new Promise<void>((resolve) => (rejected = resolve));
        guardNotification(log, 'didSave', async () => {
            rejected();
            throw new Error('async');
        })();
        await settled;
        await Promise.resolve();
        expect(lines.map((l) => l.split('\n')[0])).toEqual(['nirmesh: didOpen failed: Error: sync', 'nirmesh: didSave failed: Error: async']);
    });
});
