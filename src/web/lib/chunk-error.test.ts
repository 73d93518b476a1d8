import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from './chunk-error.js';

describe('isChunkLoadError', () => {
  it('recognises each browser’s wording of a chunk that could not be fetched', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:3991/assets/ClientPage-Dx1.js',
      'error loading dynamically imported module: http://127.0.0.1:3991/assets/ClientPage-Dx1.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/ClientPage-Dx1.css',
    ]) {
      expect(isChunkLoadError(new TypeError(message)), message).toBe(true);
    }
  });

  it('leaves other failures alone, including thrown values that are not errors', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe(false);
    expect(isChunkLoadError(new Error('Request failed with status 500'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
