// The language server executable (`node dist/server.cjs --stdio`, or `--node-ipc` under VS Code).
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodeConnection, installRoot, startServer, type NodeTransport } from './server.js';

const transport: NodeTransport | undefined = process.argv.includes('--stdio')
    ? 'stdio'
    : process.argv.includes('--node-ipc')
      ? 'node-ipc'
      : undefined;

if (!transport) {
    process.stderr.write('usage: node server.cjs --stdio | --node-ipc\n');
    process.exitCode = 2;
} else {
    const nirReadWorker = join(dirname(realpathSync(process.argv[1])), 'nir-read-worker.cjs');
    startServer(createNodeConnection(transport), { rootDir: installRoot(), nirReadWorker });
}
