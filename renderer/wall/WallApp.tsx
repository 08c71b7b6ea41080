/**
 * The wall screen: full screen, nobody touching it. Header with the view's
 * name, what the TLP ceiling withheld and the clocks; a banner when a feed
 * or the link fails; the playlist's current view; the newest alerts running
 * along the bottom. The map stays mounted under the other views, so that
 * coming back to it never rebuilds its WebGL context.
 */
import type { ReactElement } from 'react';
import { REGIONS, type PlaylistItem, type Wall } from '../../shared/wall';
import { useSnapshotKey } from '../capture/use-snapshot-key';
import { wallViewName } from '../capture/view-name';
import { WORLD } from '../map/create-map';
import { MapView } from '../map/MapView';
import { SeverityCounts } from '../panel/SeverityCounts';
import { SectorGrid } from '../sectors/SectorGrid';
import { useSectors } from '../sectors/use-sectors';
import { useAppStore } from '../store/use-app-store';
import { ReplayBadge } from '../time/ReplayBadge';
import '../time/time.css';
import { FeedBoard } from './FeedBoard';
import { Ticker } from './Ticker';
import { TopIncidents } from './TopIncidents';
import { useWall } from './use-wall';
import { usePlaylist } from './use-playlist';
import { useWallReplay } from './use-wall-replay';
import { WallBanner } from './WallBanner';
import { WallClocks } from './WallClocks';
import './wall.css';

function title(item: PlaylistItem): string {
  switch (item.view) {
    case 'map':
      return 'World';
    case 'region':
      return (item.region ?? '').replace(/-/g, ' ');
    case 'sectors':
      return 'Sectors';
    case 'incidents':
      return 'Open incidents';
    case 'feeds':
      return 'Feed health';
  }
}

/** The map's marks grow with the screen: a 4K wall draws them at 2.4 times a laptop's size. */
function mapScale(): number {
  return Math.max(1, Math.min(4, window.innerWidth / 1600));
}

function SectorsPanel({ wall }: { wall: Wall }): ReactElement {
  // A replay's sectors are those of its whole window; the map and counts follow its clock.
  const range = useAppStore((state) => state.range);
  const sectors = useSectors(wall.windowMinutes, range);
  return sectors ? <SectorGrid sectors={sectors} /> : <p className="empty">Loading…</p>;
}

function Playing({ wall }: { wall: Wall }): ReactElement {
  const { item, turns } = usePlaylist(wall.playlist);
  const replayNotes = useWallReplay(wall);
  // A wall has a keyboard at most: Shift+P (or the desktop app's menu) saves what it shows.
  useSnapshotKey(wallViewName(wall.name, item));
  const withheld = useAppStore((state) => state.withheld);
  const alerts = useAppStore((state) => state.stats.alerts);
  const view = item?.view ?? 'map';
  const onMap = view === 'map' || view === 'region';
  const bounds = item?.view === 'region' && item.region ? REGIONS[item.region] : WORLD;
  return (
    <div
      className="wall"
      data-testid="wall"
      data-view={view}
      data-turns={turns}
      data-profile={wall.name}
    >
      <header className="wall-header">
        <h1>
          Lagebild <span className="wall-view-title">{item ? title(item) : ''}</span>
        </h1>
        <span className="wall-total" data-testid="wall-total">
          {alerts} alerts
        </span>
        {withheld > 0 && (
          <span className="wall-withheld" data-testid="wall-withheld">
            {withheld} above TLP:{wall.tlpCeiling.toUpperCase()} withheld
          </span>
        )}
        <ReplayBadge zones={wall.clocks} className="wall-replay" />
        <WallClocks clocks={wall.clocks} />
      </header>
      <WallBanner notes={replayNotes} />
      <main className="wall-main">
        <div className={`wall-map${onMap ? '' : ' hidden'}`}>
          <MapView bounds={bounds} scale={mapScale()} />
          <aside className="wall-side">
            <SeverityCounts />
          </aside>
        </div>
        {view === 'sectors' && <SectorsPanel wall={wall} />}
        {view === 'incidents' && <TopIncidents />}
        {view === 'feeds' && <FeedBoard />}
      </main>
      <Ticker />
    </div>
  );
}

export function WallApp(): ReactElement {
  const wall = useWall();
  return wall ? (
    <Playing wall={wall} />
  ) : (
    <div className="wall wall-waiting">Lagebild: connecting…</div>
  );
}
