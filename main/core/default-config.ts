/**
 * The configuration used when none is given: the cache in the user data
 * directory and one feed importing the bundled public sample files, so a
 * first start shows a picture at once. A cache named on the command line
 * without a configuration is shown as it is: demo data never goes into it.
 */
import { parseConfig, type AppConfig } from './config';
import { assetPath } from './paths';

/** A configuration with no feeds: what a cache named without a configuration is shown with. */
export function noFeedsConfig(): AppConfig {
  return parseConfig({}, 'configuration of a named cache', assetPath());
}

/** The embedded default configuration. */
export function defaultConfig(): AppConfig {
  return parseConfig(
    {
      // A demo inventory that places the samples' private addresses at invented sites.
      inventory: assetPath('inventory.example.json'),
      // A first start keeps every alert until the cache reaches 2 GiB, so
      // that a forgotten live feed cannot fill the user's disk.
      retention: { maxSizeMB: 2048 },
      feeds: [
        // The samples are public data, published without restriction.
        { id: 'samples', type: 'file-import', paths: [assetPath('samples')], tlp: 'clear' },
      ],
    },
    'default configuration',
    assetPath(),
  );
}
