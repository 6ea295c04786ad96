import { readFile } from 'node:fs/promises';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentFormat, filePathOf, readNirInput, SPEC_LANGUAGE_ID, type DocumentInput } from '../documents/index.js';

/** An `InvalidParams` answer with a message. */
export function invalidParams(message: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * A document a request names that the editor has not opened, read from disk for that request
 * (version 0 for a spec, 1 for a `.nir` file). Answers `InvalidParams`, naming `method`, for a URI
 * that is neither a `.nir` nor a `.nir.yaml` file or a spec that cannot be read.
 */
export async function readUntracked(method: string, uri: string): Promise<DocumentInput> {
    const format = documentFormat(uri);
    const path = filePathOf(uri);
    if (!format || !path) throw invalidParams(`${method}: ${uri} is neither an open document nor a .nir or .nir.yaml file`);
    if (format === 'nir') return readNirInput(uri, 1);
    let text: string;
    try {
        text = await readFile(path, 'utf8');
    } catch (error) {
        throw invalidParams(`${method}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return { format: 'spec', uri, version: 0, textDocument: TextDocument.create(uri, SPEC_LANGUAGE_ID, 0, text) };
}
