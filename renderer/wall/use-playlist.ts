/**
 * Plays a wall's playlist: each item stays for its seconds, then the next,
 * round and round. `turns` counts every change, so that tests and
 * operators can tell that rotation still runs after days.
 */
import { useEffect, useState } from 'react';
import type { PlaylistItem } from '../../shared/wall';

export function usePlaylist(playlist: readonly PlaylistItem[]): {
  item: PlaylistItem | undefined;
  turns: number;
} {
  const [turns, setTurns] = useState(0);
  const item = playlist.length > 0 ? playlist[turns % playlist.length] : undefined;
  useEffect(() => {
    if (!item) return;
    const timer = setTimeout(() => setTurns((count) => count + 1), item.seconds * 1000);
    return () => clearTimeout(timer);
  }, [item, turns]);
  return { item, turns };
}
