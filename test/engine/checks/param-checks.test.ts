import { describe, expect, it } from 'vitest';
import { chain, dense, ints, nirDocument, nirNode, str, zerosOf } from '../../helpers/build-nir.js';
import { affine, baseDocument, lif, problemsOf, problemsWith } from './check-helpers.js';

const conv2d = (extra: Record<string, ReturnType<typeof ints>> = {}) => nirNode('Conv2d', {
    weight: zerosOf([8, 2, 3, 3]), bias: zerosOf([8]), stride: ints([1, 1]), padding: ints([1, 1]), dilation: ints([1, 1]), groups: ints(1), ...extra,
});
const convDocument = (conv = conv2d()) => nirDocument(chain({
    input: nirNode('Input', { shape: ints([2, 8, 8]) }), conv, output: nirNode('Output', { shape: ints([8, 8, 8]) }),
}));
const pool = (kernel: ReturnType<typeof ints>) => nirDocument(chain({
    input: nirNode('Input', { shape: ints([1, 4, 4]) }),
    pool: nirNode('SumPool2d', { kernel_size: kernel, stride: ints([2, 2]), padding: ints([0, 0]) }),
    output: nirNode('Output', { shape: ints([1, 2, 2]) }),
}));

describe('nir/unknown-param', () => {
    it('reports the unknown key and suggests the known one', async () => {
        const [problem] = await problemsWith(baseDocument({ lif: lif(8, { v_thresh: zerosOf([8]) }) }), 'nir/unknown-param');
        expect(problem.origin.path).toBe('/node/nodes/lif/v_thresh');
        expect(problem.message).toContain("Did you mean 'v_threshold'?");
    });
    it('accepts every parameter a kind declares', async () => {
        expect(await problemsWith(baseDocument(), 'nir/unknown-param')).toEqual([]);
    });
});

describe('nir/missing-param', () => {
    it('reports a missing required parameter at the node', async () => {
        const [problem] = await problemsWith(baseDocument({ lif: nirNode('LIF', { r: zerosOf([8]), v_leak: zerosOf([8]), v_threshold: zerosOf([8]) }) }), 'nir/missing-param');
        expect(problem.origin.path).toBe('/node/nodes/lif');
        expect(problem.message).toContain('tau');
        expect(problem.data).toEqual({ param: 'tau' });
    });
    it('does not require optional parameters', async () => {
        expect(await problemsWith(baseDocument({ lif: nirNode('LIF', { tau: zerosOf([8]), r: zerosOf([8]), v_leak: zerosOf([8]), v_threshold: zerosOf([8]) }) }), 'nir/missing-param')).toEqual([]);
    });
});

describe('nir/legacy-default', () => {
    it('notes a missing v_reset (and w_in) with the value NIR assumes, leaving the document as written', async () => {
        const doc = baseDocument({ lif: nirNode('CubaLIF', { tau_syn: zerosOf([8]), tau_mem: zerosOf([8]), r: zerosOf([8]), v_leak: zerosOf([8]), v_threshold: zerosOf([8]) }) });
        const problems = await problemsWith(doc, 'nir/legacy-default');
        expect(problems.map((p) => [p.severity, p.data])).toEqual([['info', { param: 'v_reset', value: 0 }], ['info', { param: 'w_in', value: 1 }]]);
        expect(doc.root.nodes?.get('lif')?.params.has('v_reset')).toBe(false);
    });
    it('says nothing when they are written', async () => {
        expect(await problemsWith(baseDocument(), 'nir/legacy-default')).toEqual([]);
    });
});

describe('nir/param-type', () => {
    it('reports fractional groups and an unknown padding string at their values', async () => {
        const problems = await problemsWith(convDocument(conv2d({ groups: dense(1.5, 'float64'), padding: str('full') })), 'nir/param-type');
        expect(problems.map((p) => p.origin.path).sort()).toEqual(['/node/nodes/conv/groups', '/node/nodes/conv/padding']);
        expect(problems.find((p) => p.origin.path.endsWith('groups'))?.message).toContain('found 1.5');
    });
    it('accepts padding same and integer-valued floats', async () => {
        expect(await problemsWith(convDocument(conv2d({ padding: str('same'), groups: dense(1, 'float64') })), 'nir/param-type')).toEqual([]);
    });
});

describe('nir/param-shape', () => {
    it('wants pooling parameters as pairs', async () => {
        const [problem] = await problemsWith(pool(ints(2)), 'nir/param-shape');
        expect(problem.origin.path).toBe('/node/nodes/pool/kernel_size');
        expect(problem.message).toContain('a pair [h, w]');
        expect(await problemsWith(pool(ints([2, 2])), 'nir/param-shape')).toEqual([]);
    });
    it('wants all neuron parameters to share one shape', async () => {
        const [problem] = await problemsWith(baseDocument({ lif: lif(8, { tau: zerosOf([4]) }) }), 'nir/param-shape');
        expect(problem.origin.path).toBe('/node/nodes/lif/tau');
        expect(problem.message).toContain('r, v_leak, v_threshold, v_reset have [8]');
        expect(problem.related?.[0].origin.path).toBe('/node/nodes/lif/r');
    });
    it('wants weights of the right rank', async () => {
        const [problem] = await problemsWith(baseDocument({ fc: nirNode('Affine', { weight: zerosOf([8]), bias: zerosOf([8]) }) }), 'nir/param-shape');
        expect(problem.message).toContain('at least 2-D');
        expect(await problemsWith(convDocument(), 'nir/param-shape')).toEqual([]);
    });
});

describe('nir/param-value', () => {
    it('reports a zero stride and groups that do not divide the output channels', async () => {
        const problems = await problemsWith(convDocument(conv2d({ stride: ints([0, 1]), groups: ints(3) })), 'nir/param-value');
        expect(problems.map((p) => p.origin.path).sort()).toEqual(['/node/nodes/conv/groups', '/node/nodes/conv/stride']);
    });
    it('reports padding same with a stride other than 1', async () => {
        const [problem] = await problemsWith(convDocument(conv2d({ padding: str('same'), stride: ints([2, 2]) })), 'nir/param-value');
        expect(problem.origin.path).toBe('/node/nodes/conv/padding');
        expect(problem.related?.[0].origin.path).toBe('/node/nodes/conv/stride');
    });
    it('accepts groups that divide both channel counts', async () => {
        const grouped = conv2d({ weight: zerosOf([8, 1, 3, 3]), groups: ints(2) });
        expect(await problemsOf(convDocument(grouped))).toEqual([]);
    });
});

describe('nir/bias-shape and nir/broadcast-bias', () => {
    const withBias = (bias: ReturnType<typeof zerosOf>) => baseDocument({ fc: nirNode('Affine', { weight: zerosOf([8, 4]), bias }) });

    it('reports a bias that does not fit the outputs, with the weight as related information', async () => {
        const [problem] = await problemsWith(withBias(zerosOf([3])), 'nir/bias-shape');
        expect(problem.origin.path).toBe('/node/nodes/fc/bias');
        expect(problem.related?.[0].origin.path).toBe('/node/nodes/fc/weight');
    });
    it('accepts a 0-d bias (nirviz srnn.nir) with only a hint', async () => {
        const problems = await problemsOf(withBias(zerosOf([])));
        expect(problems.map((p) => [p.code, p.severity])).toEqual([['nir/broadcast-bias', 'hint']]);
    });
    it('says nothing about a bias of the output shape', async () => {
        expect(await problemsOf(withBias(zerosOf([8])))).toEqual([]);
    });
});

describe('nir/huge-shape', () => {
    it('reports a shape over 2^31 elements without allocating it', async () => {
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([1_000_000, 1_000_000]) }), fc: affine(2, 1_000_000), output: nirNode('Output', { shape: ints([1_000_000, 2]) }) }));
        const problems = await problemsWith(doc, 'nir/huge-shape');
        expect(problems.map((p) => p.origin.path)).toEqual(['/node/nodes/input/shape']);
        expect(problems[0].message).toContain('1,000,000,000,000 elements');
    });
    it('reports a neuron population over 2^31 once', async () => {
        const doc = baseDocument({ lif: lif(2 ** 32) });
        expect((await problemsWith(doc, 'nir/huge-shape')).map((p) => p.origin.path)).toEqual(['/node/nodes/lif/tau']);
    });
    it('accepts a large but possible shape', async () => {
        expect(await problemsWith(baseDocument({ lif: lif(2 ** 20) }), 'nir/huge-shape')).toEqual([]);
    });
});
