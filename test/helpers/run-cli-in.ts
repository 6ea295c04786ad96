import { runCli } from '../../cli/src/run-cli.js';

/** Runs `nirmesh ARGV…` in-process in folder `cwd`, collecting its exit code, stdout and stderr. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, cwd);
    return { code, stdout, stderr };
}
