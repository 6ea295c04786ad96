import { describe, expect, it } from 'vitest';
import { analyzeGraph, createEngine, OperationCancelled, runChecks, type Check } from '../../../engine/src/index.js';
import { baseDocument } from './check-helpers.js';

const check = (id: string, run: Check['run'], needs: Check['needs'] = 'graph'): Check => ({ id, category: 'fast', severity: 'error', title: id, needs, run });

describe('runChecks', () => {
    it('turns a throwing check into engine/internal-error and runs the others', () => {
        const engine = createEngine({ withoutBuiltins: true, plugins: [{ id: 't', checks: [
            check('t/boom', () => { throw new Error('kaboom'); }),
            check('t/ok', (ctx) => ctx.report({ code: 't/ok', severity: 'info', message: 'ran', origin: { path: '/' } })),
        ] }] });
        const problems = runChecks(analyzeGraph(baseDocument(), engine.registry), engine.registry, { categories: ['fast'] });
        expect(problems.map((p) => p.code)).toEqual(['engine/internal-error', 't/ok']);
        expect(problems[0].message).toContain('t/boom failed: kaboom');
    });

    it('skips checks that need a target when there is none', () => {
        const engine = createEngine({ withoutBuiltins: true, plugins: [{ id: 't', checks: [check('t/target', () => { throw new Error('ran'); }, 'target')] }] });
        expect(runChecks(analyzeGraph(baseDocument(), engine.registry), engine.registry, { categories: ['fast'] })).toEqual([]);
    });

    it('stops between checks when the token fires', () => {
        const token = { isCancellationRequested: false };
        const engine = createEngine({ withoutBuiltins: true, plugins: [{ id: 't', checks: [
            check('t/first', () => { token.isCancellationRequested = true; }),
            check('t/second', () => { throw new Error('should not run'); }),
        ] }] });
        expect(() => runChecks(analyzeGraph(baseDocument(), engine.registry), engine.registry, { categories: ['fast'], token })).toThrow(OperationCancelled);
    });
});
