import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NIR_NODE_KINDS } from '../../../engine/src/index.js';
import { kindMarkdown, nodeKindsMarkdown } from '../../../engine/src/nir/kinds/kind-docs.js';

const DOC = join(import.meta.dirname, '..', '..', '..', 'docs', 'node-kinds.md');

describe('docs/node-kinds.md', () => {
    it('is the registry rendered (UPDATE_DOCS=1 rewrites it)', () => {
        const rendered = nodeKindsMarkdown(NIR_NODE_KINDS);
        if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);
        expect(readFileSync(DOC, 'utf8')).toBe(rendered);
    });

    it('shows each kind\'s equation, parameters with units and defaults, and shape rule', () => {
        const lif = kindMarkdown(NIR_NODE_KINDS.find((k) => k.id === 'LIF')!);
        expect(lif).toContain('Equation: `τ·dv/dt = (v_leak − v) + R·I; z = H(v − v_threshold); when z = 1, v ← v_reset`');
        expect(lif).toContain('| `tau` | array | ms | required |');
        expect(lif).toContain('| `v_reset` | array | mV | default 0 (older files lack it) |');
        expect(kindMarkdown(NIR_NODE_KINDS.find((k) => k.id === 'Conv2d')!)).toContain('K_h for H, K_w for W');
    });
});
