import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';

/**
 * The command examples of README.md and docs/ are run, as rust's doctests are:
 * - a ```console block holds `$ nirmesh …` lines, each followed by the output it shows; the test
 *   runs the command and compares (stdout, then stderr), normalising only what must vary
 *   (the temporary folder, times in ms);
 * - a ```sh block's `nirmesh …` / `npx nirmesh …` lines are run and must not fail with a usage or
 *   I/O error (exit 2); other lines (npm …) are not run.
 * Commands run in a fresh folder holding a copy of `examples/`. A block preceded by
 * `<!-- not run: reason -->` is skipped.
 *
 * `UPDATE_DOCS=1 npx vitest run test/docs/executable-docs.test.ts` (`npm run docs:update`)
 * rewrites the shown outputs of the console blocks instead of comparing them.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const UPDATE = process.env.UPDATE_DOCS === '1';

interface Block {
    readonly file: string;
    /** 1-based line of the opening fence. */
    readonly line: number;
    readonly lang: 'console' | 'sh';
    /** The lines between the fences. */
    readonly body: string[];
}

function markdownFiles(): string[] {
    const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join('docs', name));
    return ['README.md', ...docs.sort()];
}

/** The console and sh blocks of a file that are to be run. */
function runnableBlocks(file: string): Block[] {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const blocks: Block[] = [];
    for (let i = 0; i < lines.length; i++) {
        const fence = /^```(\w*)$/.exec(lines[i]);
        if (!fence) continue;
        const end = lines.indexOf('```', i + 1);
        const lang = fence[1];
        const skipped = (lines[i - 1] ?? '').startsWith('<!-- not run:');
        if ((lang === 'console' || lang === 'sh') && !skipped) blocks.push({ file, line: i + 1, lang, body: lines.slice(i + 1, end) });
        i = end;
    }
    return blocks;
}

/** A `nirmesh …` command line split into arguments (plain words and '…'/"…" quoted ones). */
function argumentsOf(command: string): string[] {
    return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A fresh folder with a copy of the shipped examples, for one block's commands. */
function freshFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-docs-'));
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    return dir;
}

/** Runs one command in `dir`; its output (stdout, then stderr) normalised. */
async function runCommand(command: string, dir: string): Promise<{ code: number; output: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argumentsOf(command).slice(1), { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, dir);
    const output = (stdout + stderr).split(dir).join('.').replace(/\b\d+(\.\d+)? ms\b/g, 'N ms');
    return { code, output };
}

/** A console block's commands with the output shown under each. */
function consoleSteps(block: Block): { command: string; shown: string[] }[] {
    const steps: { command: string; shown: string[] }[] = [];
    for (const line of block.body) {
        if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
        else if (steps.length > 0) steps[steps.length - 1].shown.push(line);
        else throw new Error(`${block.file}:${block.line}: a console block starts with a $ command line`);
    }
    return steps;
}

const blocks = markdownFiles().flatMap(runnableBlocks);
const rewritten = new Map<string, Map<number, string[]>>();

describe('the command examples of README.md and docs/', () => {
    it('finds console blocks to run', () => {
        expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThan(3);
    });

    it.each(blocks.filter((b) => b.lang === 'console').map((b) => [`${b.file}:${b.line}`, b] as const))('%s shows what the commands print', async (_where, block) => {
        const body: string[] = [];
        const dir = freshFolder();
        for (const step of consoleSteps(block)) {
            expect(step.command, `${block.file}:${block.line}: only nirmesh commands run; mark the block <!-- not run: … -->`).toMatch(/^nirmesh /);
            const { output } = await runCommand(step.command, dir);
            const printed = output.replace(/\n$/, '').split('\n');
            body.push(`$ ${step.command}`, ...printed);
            if (!UPDATE) expect(step.shown.join('\n'), `${block.file}:${block.line}: $ ${step.command} (UPDATE_DOCS=1 refreshes it)`).toBe(printed.join('\n'));
        }
        rmSync(dir, { recursive: true, force: true });
        if (UPDATE) {
            const byLine = rewritten.get(block.file) ?? new Map<number, string[]>();
            byLine.set(block.line, body);
            rewritten.set(block.file, byLine);
        }
    });

    it.each(blocks.filter((b) => b.lang === 'sh').map((b) => [`${b.file}:${b.line}`, b] as const))('%s runs without a usage or I/O error', async (_where, block) => {
        const dir = freshFolder();
        for (const line of block.body) {
            const command = line.replace(/\s+#.*$/, '').replace(/^npx /, '').trim();
            if (!command.startsWith('nirmesh ')) continue;
            const { code, output } = await runCommand(command, dir);
            expect(code, `${block.file}:${block.line}: $ ${command}\n${output}`).not.toBe(2);
        }
        rmSync(dir, { recursive: true, force: true });
    });

    afterAll(() => {
        for (const [file, byLine] of rewritten) {
            const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
            for (const [line, body] of [...byLine].sort((a, b) => b[0] - a[0])) {
                const end = lines.indexOf('```', line);
                lines.splice(line, end - line, ...body);
            }
            writeFileSync(join(ROOT, file), lines.join('\n'));
        }
    });
});
