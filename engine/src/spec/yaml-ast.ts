import * as yaml from 'yaml';

/**
 * The `yaml` package's node type guards, read once. A bundler turns every call through a named
 * import of a CommonJS package into a property read of its exports object; lowering calls these
 * guards for every YAML node, so the spec code imports them from here.
 */
export const isAlias = yaml.isAlias;
export const isCollection = yaml.isCollection;
export const isMap = yaml.isMap;
export const isPair = yaml.isPair;
export const isScalar = yaml.isScalar;
export const isSeq = yaml.isSeq;
