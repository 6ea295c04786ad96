import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_READER_LIMITS, readerLimitsFromEnv } from '../../../host/nir-reader/index.js';

describe('the read bound from NIRMESH_NIR_READ_TIMEOUT_MS', () => {
    it('takes a number of milliseconds and keeps the other limits', () => {
        expect(readerLimitsFromEnv({ NIRMESH_NIR_READ_TIMEOUT_MS: '2500' })).toEqual({ limits: { ...DEFAULT_WORKER_READER_LIMITS, readTimeMs: 2500 } });
    });

    it('is the default of one minute when unset or empty', () => {
        expect(readerLimitsFromEnv({})).toEqual({ limits: DEFAULT_WORKER_READER_LIMITS });
        expect(readerLimitsFromEnv({ NIRMESH_NIR_READ_TIMEOUT_MS: '' }).limits.readTimeMs).toBe(60_000);
    });

    it('ignores what a timer cannot wait for, with a warning naming the value', () => {
        for (const value of ['0', '-5', 'abc', '1e99', 'Infinity', '2147483648']) {
            const { limits, warning } = readerLimitsFromEnv({ NIRMESH_NIR_READ_TIMEOUT_MS: value });
            expect(limits, value).toEqual(DEFAULT_WORKER_READER_LIMITS);
            expect(warning, value).toContain(`NIRMESH_NIR_READ_TIMEOUT_MS=${JSON.stringify(value)} is not a number of milliseconds`);
        }
    });
});
