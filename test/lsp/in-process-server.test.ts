import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader as ClientReader, StreamMessageWriter as ClientWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Feature } from '../../server/src/server-context.js';
import { guard } from '../../server/src/guard.js';
import { startServer } from '../../server/src/server.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A feature whose hover always throws, as a buggy feature would. */
const throwingHover: Feature = {
    id: 'throwing-hover',
    capabilities: { hoverProvider: true, workspace: { workspaceFolders: { supported: true } } },
    register(ctx) {
        ctx.connection.onHover(guard(ctx.connection.console, 'hover', () => {
            throw new TypeError("Cannot read properties of undefined (reading 'line')");
        }));
    },
};

/** A feature that fails while registering. */
const brokenAtStart: Feature = {
    id: 'broken-at-start',
    capabilities: { completionProvider: { triggerCharacters: [':'] }, workspace: { fileOperations: { didRename: { filters: [] } } } },
    register() {
        throw new Error('cannot register');
    },
};

let client: MessageConnection | undefined;

/** A server on in-memory streams (no process), with the given features, and a client connection to it. */
async function connect(features: readonly Feature[]) {
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server, { rootDir: ROOT, features });
    client = createMessageConnection(new ClientReader(down), new ClientWriter(up));
    const logs: string[] = [];
    client.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    client.listen();
    const init = await client.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    return { client, init, logs };
}

afterEach(() => client?.dispose());

describe('the server with failing features', () => {
    it('merges the features\' capabilities into the core ones, key by key', async () => {
        const { init } = await connect([throwingHover, brokenAtStart]);
        expect(init.capabilities).toMatchObject({
            textDocumentSync: { openClose: true, change: 2 },
            hoverProvider: true,
            completionProvider: { triggerCharacters: [':'] },
            workspace: { workspaceFolders: { supported: true }, fileOperations: { didRename: { filters: [] } } },
        });
    });

    it('answers a request whose feature throws with InternalError, logs it, and keeps serving', async () => {
        const { client, logs } = await connect([throwingHover, brokenAtStart]);
        const params = { textDocument: { uri: 'file:///a.nir.yaml' }, position: { line: 0, character: 0 } };
        await expect(client.sendRequest('textDocument/hover', params)).rejects.toMatchObject({
            code: -32603,
            message: "hover failed: Cannot read properties of undefined (reading 'line')",
        });
        await expect(client.sendRequest('textDocument/hover', params)).rejects.toMatchObject({ code: -32603 });
        await expect(client.sendRequest('nirmesh/map', { uri: 42 })).rejects.toMatchObject({ code: -32602 });
        expect(logs.some((l) => l.startsWith('nirmesh: feature broken-at-start failed to register: cannot register'))).toBe(true);
        expect(logs.some((l) => l.startsWith('nirmesh: hover failed: TypeError'))).toBe(true);
    });
});
