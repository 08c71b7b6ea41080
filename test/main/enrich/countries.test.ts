import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingFile, removeTempFiles, tempFile } from './helpers';

const warn = vi.fn();
vi.mock('../../../main/core/log', () => ({
  scopedLogger: () => ({ warn, error: vi.fn(), info: vi.fn(), debug: vi.fn() }),
}));

const { loadCountryCentroids } = await import('../../../main/enrich/countries');

afterEach(removeTempFiles);

describe('loadCountryCentroids', () => {
  it('reads [lon, lat] by country code', () => {
    const file = tempFile('centroids.json', JSON.stringify({ DE: [10.4, 51.1], FR: [2.4, 46.6] }));
    const centroids = loadCountryCentroids(file);
    expect(centroids.get('DE')).toEqual([10.4, 51.1]);
    expect(centroids.get('XX')).toBeUndefined();
  });

  it('places nothing and warns once when the file is missing', () => {
    const file = missingFile('country-centroids.json');
    expect(loadCountryCentroids(file).size).toBe(0);
    expect(loadCountryCentroids(file).size).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(file);
  });

  it('places nothing when an entry is invalid', () => {
    const file = tempFile('centroids.json', JSON.stringify({ DE: [10.4, 151.1] }));
    expect(loadCountryCentroids(file).size).toBe(0);
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('DE'));
  });
});
