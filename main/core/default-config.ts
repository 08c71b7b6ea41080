/**
 * The configuration used when none is given: the cache in the user data
 * directory and one feed importing the bundled public sample files, so a
 * first start shows a picture at once.
 */
import { parseConfig, type AppConfig } from './config';
import { assetPath } from './paths';

/** The embedded default configuration. */
export function defaultConfig(): AppConfig {
  return parseConfig(
    {
      // A demo inventory that places the samples' private addresses at invented sites.
      inventory: assetPath('inventory.example.json'),
      feeds: [
        // The samples are public data, published without restriction.
        { id: 'samples', type: 'file-import', paths: [assetPath('samples')], tlp: 'clear' },
      ],
    },
    'default configuration',
    assetPath(),
  );
}
