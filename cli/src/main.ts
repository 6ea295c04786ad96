import { runCli } from './run-cli.js';

// The `nirmesh` executable: process I/O around `runCli`. Exit codes per DESIGN.md §4.
runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, process.cwd())
    .then((code) => {
        process.exitCode = code;
    });
