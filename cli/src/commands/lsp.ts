import type { CliCommand } from '../cli-context.js';
import { UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { bundledReadWorker, readerLimitsFromEnv } from '../../../host/nir-reader/index.js';

/**
 * `nirmesh lsp --stdio` (or `--node-ipc`): the language server, in this process, for any LSP
 * client. It runs until the client sends `exit` (or closes the stream), which ends the process.
 */
export const lspCommand: CliCommand = {
    name: 'lsp',
    synopsis: 'lsp --stdio | --node-ipc             the language server, for any LSP client',
    async run(args, { engine }) {
        const { values, positionals } = parseOptions('lsp', args, {
            stdio: { type: 'boolean' },
            'node-ipc': { type: 'boolean' },
        });
        if (positionals.length > 0) throw new UsageError(`lsp: unexpected argument '${positionals[0]}'`);
        if (values.stdio === values['node-ipc']) throw new UsageError('lsp: pass exactly one of --stdio or --node-ipc');
        // Loaded here, so that the other commands do not pay for the server's start-up.
        const { createNodeConnection, installRoot, startServer } = await import('../../../server/src/server.js');
        const nirReadLimits = readerLimitsFromEnv(process.env).limits;
        startServer(createNodeConnection(values.stdio ? 'stdio' : 'node-ipc'), { rootDir: installRoot(), engine, nirReadWorker: bundledReadWorker(), nirReadLimits });
        return new Promise<number>(() => undefined); // the connection ends the process on `exit`
    },
};
