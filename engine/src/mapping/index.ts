import type { Mapper } from '../plugins/mapper.js';

/** The shipped mappers. (Stub: filled in by the mapping work.) */
export const MAPPERS: readonly Mapper[] = [];

/** The mapper used when none is named. */
export const DEFAULT_MAPPER_ID = 'greedy';
