import type { HardwareTarget, TargetSetting } from '../plugins/target.js';
import type { SettingName } from './setting-names.js';

/** A setting of a SpiNNaker-family target: a `TargetSetting` whose name is one of `SETTING_NAMES`. */
export interface NamedSetting extends TargetSetting {
    readonly name: SettingName;
}

/** Builds a setting; the arguments read like a row of docs/targets.md. */
export function setting(
    name: SettingName,
    value: number,
    unit: string,
    confidence: TargetSetting['confidence'],
    source: string,
    doc: string,
): NamedSetting {
    return { name, value, unit, confidence, source, doc };
}

/** A settings table keyed by name; a later row replaces an earlier one with the same name. */
export function settingsTable(rows: readonly NamedSetting[]): ReadonlyMap<string, TargetSetting> {
    return new Map(rows.map((row) => [row.name, row]));
}

/**
 * The value of a named setting. A missing setting is a bug in a target plugin, not in the user's
 * network, so it throws (the check runner turns that into `engine/internal-error`).
 */
export function settingValue(target: HardwareTarget, name: SettingName): number {
    const found = target.settings.get(name);
    if (!found) throw new Error(`target ${target.id} has no setting '${name}'`);
    return found.value;
}

/** The value of a setting, or `fallback` when the target does not define it. */
export function optionalSetting(target: HardwareTarget, name: SettingName, fallback: number): number {
    return target.settings.get(name)?.value ?? fallback;
}

/** True when the setting exists and is an estimate (so reports must name it). */
export function isEstimate(target: HardwareTarget, name: SettingName): boolean {
    return target.settings.get(name)?.confidence === 'estimate';
}

/**
 * A copy of a target with some settings replaced by the user's values (`--set name=value`). An
 * overridden setting keeps its doc and unit, and its source says it was overridden. Unknown names
 * and non-finite values are refused with a message.
 */
export function withSettingOverrides(
    target: HardwareTarget,
    overrides: Readonly<Record<string, number>>,
): HardwareTarget | { readonly error: string } {
    const settings = new Map(target.settings);
    for (const [name, value] of Object.entries(overrides)) {
        const base = settings.get(name);
        if (!base) return { error: `target ${target.id} has no setting '${name}' (known: ${[...settings.keys()].join(', ')})` };
        if (!Number.isFinite(value) || value < 0) return { error: `setting '${name}' must be a finite number ≥ 0, not ${value}` };
        settings.set(name, { ...base, value, source: `overridden by the user (was ${base.value}: ${base.source})`, confidence: 'documented' });
    }
    return { ...target, settings };
}
