/**
 * Finds the wall profile a screen asks for by name. A name the
 * configuration does not know gets the default profile (TLP:GREEN ceiling,
 * the standard playlist) under that name: a typo on a wall screen must
 * never show it more than a wall may show.
 */
import { DEFAULT_WALL, WallNameSchema, defaultWallProfile, type Wall } from '../../shared/wall';
import type { AppConfig } from './config';

/** The profile `name` (or the default one), or undefined when the name is malformed. */
export function wallProfile(
  config: Pick<AppConfig, 'walls'>,
  name: string | null | undefined,
): Wall | undefined {
  const wanted = name || DEFAULT_WALL;
  if (!WallNameSchema.safeParse(wanted).success) return undefined;
  const configured = Object.prototype.hasOwnProperty.call(config.walls, wanted)
    ? config.walls[wanted]
    : undefined;
  return { name: wanted, ...(configured ?? defaultWallProfile()) };
}

/** The walls that have their own token in the environment, with it. */
export function wallTokens(config: AppConfig): { token: string; wall: Wall }[] {
  return Object.entries(config.walls).flatMap(([name, profile]) => {
    const token = profile.tokenEnv ? process.env[profile.tokenEnv] : undefined;
    return token ? [{ token, wall: { name, ...profile } }] : [];
  });
}
