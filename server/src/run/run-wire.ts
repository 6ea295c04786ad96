import type { Diagnostic } from 'vscode-languageserver';
import type { RunReport } from '../../../protocol/run.js';

/**
 * Published diagnostics in the wire's LSP 3.17 form: the server's LSP library (3.18) also allows
 * a Markdown message, which the server never sends; the message is passed on as its text.
 */
export function toWireDiagnostics(diagnostics: readonly Diagnostic[]): RunReport['diagnostics'] {
    return diagnostics.map(({ message, ...rest }) => ({ ...rest, message: typeof message === 'string' ? message : message.value }));
}
