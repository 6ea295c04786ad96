import { StreamMessageReader, StreamMessageWriter, type DataCallback, type Message } from 'vscode-languageserver/node';

/**
 * The stdio transport with a voice: a message the client frames badly (`Content-Length: abc`, a
 * header without a length) is logged to stderr with the reason, where `vscode-jsonrpc` would drop
 * it and fall silent. The reader keeps reading, so the server serves on when the stream recovers,
 * and says why when it does not. As with the library's own stdio handling, the process exits when
 * stdin ends: 0 after a `shutdown` request, 1 before one.
 */
export function stdioTransport(): { reader: StreamMessageReader; writer: StreamMessageWriter } {
    const reader = new StreamMessageReader(process.stdin);
    let shutdownReceived = false;
    reader.onError((error) => process.stderr.write(`nirmesh: a message from the client could not be read (${error.message.split('\n')[0]}); it is ignored\n`));
    const listen = reader.listen.bind(reader);
    reader.listen = (callback: DataCallback) =>
        listen((message: Message) => {
            if ((message as { method?: unknown }).method === 'shutdown') shutdownReceived = true;
            callback(message);
        });
    const end = () => process.exit(shutdownReceived ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    return { reader, writer: new StreamMessageWriter(process.stdout) };
}
