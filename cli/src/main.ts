import { runCli } from './run-cli.js';

// The `nirmesh` executable: process I/O around `runCli`. Exit codes per DESIGN.md §4.

// A reader that stops early (`nirmesh check … | head`) closes the pipe; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
    });
}

runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stderrIsTty: process.stderr.isTTY === true }, process.cwd())
    .then((code) => {
        process.exitCode = code;
    });
