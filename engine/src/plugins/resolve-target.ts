import type { Registry } from './registry.js';
import type { HardwareTarget } from './target.js';

/** The target used when none is named. */
export const DEFAULT_TARGET_ID = 'spinnaker2-board48';

/** The id that means "check the NIR graph alone, without a machine". */
export const NO_TARGET_ID = 'none';

/**
 * Resolves a target id such as `spinnaker2-board48`, `spinnaker2-boards:4` or `none`.
 * Returns `undefined` for `none`, or an error message naming the known ids (or saying why the
 * target's factory failed). Never throws.
 */
export function resolveTarget(registry: Registry, id: string): { target?: HardwareTarget; error?: string } {
    if (id === NO_TARGET_ID) return {};
    const colon = id.indexOf(':');
    const familyId = colon < 0 ? id : id.slice(0, colon);
    const argument = colon < 0 ? undefined : id.slice(colon + 1);
    const family = registry.targets.get(familyId);
    if (!family) {
        const known = [...registry.targets.ids(), NO_TARGET_ID].join(', ');
        return { error: `unknown target '${id}' (known: ${known})` };
    }
    let created: ReturnType<typeof family.create>;
    try {
        created = family.create(argument);
    } catch (error) {
        // A plugin's factory that throws is its bug; the caller reports it like an unknown target.
        return { error: `target '${id}' could not be created: ${error instanceof Error ? error.message : String(error)}` };
    }
    return 'error' in created ? { error: created.error } : { target: created };
}
