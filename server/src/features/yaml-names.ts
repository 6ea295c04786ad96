/** A name YAML reads back as the same string without quotes. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Plain words YAML (1.1 or 1.2) might read as something other than a string. */
const RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;

/** True when a name can be written as a plain YAML scalar and read back unchanged. */
export function isPlainName(name: string): boolean {
    return PLAIN.test(name) && !RESERVED.test(name);
}

/** A name as a YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
export function yamlName(name: string): string {
    return isPlainName(name) ? name : JSON.stringify(name);
}
