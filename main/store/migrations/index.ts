/**
 * Every schema migration, in order. Append new ones; never edit a released one.
 */
import { initial } from './001-initial';
import { incidents } from './002-incidents';
import { incidentListIndex } from './003-incident-list-index';
import { sectorTlp } from './004-sector-tlp';
import { observedMinutes } from './005-observed-minutes';
import { maintenanceRuns } from './006-maintenance-runs';
import type { Migration } from './migration';

/** All migrations, oldest first; their versions are 1, 2, 3, … without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  incidents,
  incidentListIndex,
  sectorTlp,
  observedMinutes,
  maintenanceRuns,
];

/** The schema version this build reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
