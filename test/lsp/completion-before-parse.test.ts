/**
 * Completion right after an edit of a large spec answers from the newest text without waiting for
 * that version to be parsed: asserted by state (the newest version is still unparsed when the
 * answer arrives), not by time. The server runs in-process on in-memory streams.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type CompletionList } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader as ClientReader, StreamMessageWriter as ClientWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { DocumentState, type Feature, type ServerContext } from '../../server/src/server-context.js';
import { completionFeature } from '../../server/src/features/completion.js';
import { startServer } from '../../server/src/server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const URI = 'file:///large.nir.yaml';
const NODES = 5_000;

/** A generated spec of `NODES` LIF nodes in a chain (its `edges:` list comes last). */
function largeSpec(): string {
    const lines = ['node:', '  type: NIRGraph', '  nodes:'];
    for (let i = 0; i < NODES; i++) lines.push(`    n${i}: {type: LIF, shape: [1], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}`);
    lines.push('  edges:');
    for (let i = 0; i + 1 < NODES; i++) lines.push(`    - [n${i}, n${i + 1}]`);
    return `${lines.join('\n')}\n`;
}

let client: MessageConnection | undefined;

/**
 * An in-process server with completion and a probe feature that hands out the `ServerContext`,
 * initialised with a long debounce: after an edit nothing parses the new version unless a request waits for it.
 */
async function connect(): Promise<{ client: MessageConnection; ctx: ServerContext }> {
    let ctx: ServerContext | undefined;
    const probe: Feature = { id: 'probe', capabilities: {}, register: (c) => void (ctx = c) };
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down)), { rootDir: ROOT, features: [completionFeature, probe] });
    const connection = createMessageConnection(new ClientReader(down), new ClientWriter(up));
    client = connection;
    connection.listen();
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { nirmesh: { target: 'none', validationDelayMs: 10_000 } } });
    await connection.sendNotification('initialized', {});
    if (!ctx) throw new Error('the probe feature was not registered');
    return { client: connection, ctx };
}

afterEach(async () => {
    await client?.sendRequest('shutdown').catch(() => undefined);
    client?.dispose();
});

describe('completion after an edit', () => {
    it('answers while the edited version is still unparsed, with node names from the previous version', async () => {
        const { client, ctx } = await connect();
        const text = largeSpec();
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nir-yaml', version: 1, text } });
        // The first completion waits for the first parse (there is no model before it).
        await client.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
        expect(ctx.current(URI)?.state).toBeGreaterThanOrEqual(DocumentState.Parsed);
        expect(ctx.current(URI)?.version).toBe(1);

        const line = text.split('\n').length - 1; // the empty last line
        const typed = '    - [n17, ';
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI, version: 2 },
            contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed }],
        });
        const answer = await client.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line, character: typed.length } });

        expect(ctx.textDocument(URI)?.version).toBe(2);
        expect(ctx.current(URI)?.version).toBe(1); // version 2 is still in the Changed state: nobody parsed it
        expect(answer.items).toHaveLength(NODES);
        const n42 = answer.items.find((item) => item.label === 'n42');
        expect(n42?.textEdit).toEqual({ range: { start: { line, character: typed.length }, end: { line, character: typed.length } }, newText: 'n42' });
    });

    it('waits for the first parse when there is no model yet, and answers for the text it was asked about', async () => {
        const { client, ctx } = await connect();
        const text = 'node:\n  type: NIRGraph\n  nodes:\n    a: {type: Input, shape: [1]}\n    b: {type: Output, shape: [1]}\n  edges:\n    - [a, ';
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nir-yaml', version: 1, text } });
        const answer = await client.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 6, character: 11 } });
        expect(ctx.current(URI)?.version).toBe(1);
        expect(answer.items.map((item) => item.label).sort()).toEqual(['a', 'b']);
    });
});
