// The language server executable (`node dist/server.cjs --stdio`, or `--node-ipc` under VS Code).
import { bundledReadWorker, readerLimitsFromEnv } from '../../host/nir-reader/index.js';
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
    const { limits, warning } = readerLimitsFromEnv(process.env);
    if (warning) process.stderr.write(`nirmesh: ${warning}\n`);
    startServer(createNodeConnection(transport), { rootDir: installRoot(), nirReadWorker: bundledReadWorker(), nirReadLimits: limits });
}
