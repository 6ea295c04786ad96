import { describe, expect, it } from 'vitest';
import { Registry, registerPlugin, resolveTarget, type TargetFactory } from '../../engine/src/index.js';

const toyTarget: TargetFactory = {
    id: 'toy',
    title: 'A toy machine',
    description: 'for tests',
    argument: 'number of chips',
    create: (argument) =>
        argument === undefined || /^[1-9]\d*$/.test(argument)
            ? { id: argument ? `toy:${argument}` : 'toy', title: 'toy', settings: new Map() }
            : { error: `toy: '${argument}' is not a chip count` },
};

describe('Registry', () => {
    it('refuses a second plugin with the same id and forgets a disposed one', () => {
        const registry = new Registry();
        const registration = registerPlugin(registry, { id: 'p', targets: [toyTarget] });
        expect(() => registry.targets.register(toyTarget)).toThrow(/hardware target 'toy' is already registered/);
        registration.dispose();
        expect(registry.targets.has('toy')).toBe(false);
    });

    it('resolves parametric target ids, none, and names the known ids for unknown ones', () => {
        const registry = new Registry();
        registerPlugin(registry, { id: 'p', targets: [toyTarget] });
        expect(resolveTarget(registry, 'toy:4').target?.id).toBe('toy:4');
        expect(resolveTarget(registry, 'none')).toEqual({});
        expect(resolveTarget(registry, 'toy:x').error).toMatch(/not a chip count/);
        expect(resolveTarget(registry, 'loihi').error).toBe("unknown target 'loihi' (known: toy, none)");
    });
});
