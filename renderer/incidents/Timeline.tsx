/**
 * An incident's timeline: its alerts as bars on a zoomable time axis
 * (bucketed, as tall as their count, as severe as their worst alert), and
 * the analysts' changes as marks above them. Dragging across the plot
 * brushes a range, which filters the alerts listed beside it; a click
 * clears it. The wheel or the buttons zoom; "Fit" shows everything again.
 */
import { scaleTime } from 'd3-scale';
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import type { Alert, IncidentEvent } from '../../shared/model';
import { bucketAlerts, zoomDomain } from './timeline-buckets';
import { useElementWidth } from './use-element-width';

const HEIGHT = 132;
const PAD_X = 12;
const MARKS_Y = 14;
const PLOT_TOP = 28;
const PLOT_BOTTOM = 100;
/** The width of one bucket in pixels: dense enough to see bursts, wide enough to see a bar. */
const BAR_PX = 4;
/** A drag shorter than this is a click. */
const CLICK_PX = 4;

type Range = [number, number];

interface TimelineProps {
  alerts: readonly Alert[];
  events: readonly IncidentEvent[];
  /** The whole span the incident covers; zooming stays inside it. */
  limits: Range;
  brush: Range | undefined;
  onBrush(range: Range | undefined): void;
}

export function Timeline({ alerts, events, limits, brush, onBrush }: TimelineProps): ReactElement {
  const [box, width] = useElementWidth<HTMLDivElement>();
  const svg = useRef<SVGSVGElement>(null);
  const [domain, setDomain] = useState<Range>(limits);
  const [draft, setDraft] = useState<Range | undefined>();
  const dragFrom = useRef<number | undefined>(undefined);

  const x = useMemo(
    () =>
      scaleTime()
        .domain(domain)
        .range([PAD_X, Math.max(PAD_X + 1, width - PAD_X)]),
    [domain, width],
  );
  // Nothing is drawn before the first layout has told the width.
  const buckets = useMemo(
    () =>
      width > 0 ? bucketAlerts(alerts, domain[0], domain[1], (width - 2 * PAD_X) / BAR_PX) : [],
    [alerts, domain, width],
  );
  const tallest = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const barHeight = (count: number) =>
    Math.max(2, (PLOT_BOTTOM - PLOT_TOP) * (Math.log1p(count) / Math.log1p(tallest)));

  // React's wheel listeners are passive; zooming must keep the page from scrolling.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const at = x.invert(event.clientX - element.getBoundingClientRect().left).getTime();
      setDomain((current) => zoomDomain(current, at, event.deltaY < 0 ? 0.8 : 1.25, limits));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [x, limits]);

  const timeAt = (event: PointerEvent<SVGSVGElement>) =>
    x.invert(event.clientX - event.currentTarget.getBoundingClientRect().left).getTime();
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    dragFrom.current = timeAt(event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragFrom.current === undefined) return;
    const at = timeAt(event);
    setDraft([Math.min(dragFrom.current, at), Math.max(dragFrom.current, at)]);
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const from = dragFrom.current;
    dragFrom.current = undefined;
    setDraft(undefined);
    if (from === undefined) return;
    const at = timeAt(event);
    const dragged = Math.abs(x(at) - x(from)) >= CLICK_PX;
    onBrush(dragged ? [Math.min(from, at), Math.max(from, at)] : undefined);
  };

  // A drag the browser took away (a touch turned scroll, a lost capture) selects nothing.
  const cancelDrag = () => {
    dragFrom.current = undefined;
    setDraft(undefined);
  };

  const shownBrush = draft ?? brush;
  const center = (domain[0] + domain[1]) / 2;
  return (
    <div className="timeline" ref={box} data-testid="timeline">
      <div className="timeline-tools">
        <button type="button" onClick={() => setDomain(zoomDomain(domain, center, 0.5, limits))}>
          Zoom in
        </button>
        <button type="button" onClick={() => setDomain(zoomDomain(domain, center, 2, limits))}>
          Zoom out
        </button>
        <button type="button" onClick={() => setDomain(limits)}>
          Fit
        </button>
        {brush && (
          <button type="button" onClick={() => onBrush(undefined)} data-testid="clear-brush">
            Clear selection
          </button>
        )}
        <span className="timeline-hint">Drag to select a range · wheel to zoom</span>
      </div>
      <svg
        ref={svg}
        width={width}
        height={HEIGHT}
        role="img"
        aria-label="Incident timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={cancelDrag}
        onLostPointerCapture={cancelDrag}
      >
        {buckets.map((bucket) => {
          const left = x(bucket.start);
          const h = barHeight(bucket.count);
          return (
            <rect
              key={bucket.start}
              data-testid="timeline-bar"
              className={`timeline-bar sev-${bucket.severity}`}
              x={left}
              y={PLOT_BOTTOM - h}
              width={Math.max(1, x(bucket.end) - left - 1)}
              height={h}
            >
              <title>{`${bucket.count} alert${bucket.count === 1 ? '' : 's'}, worst ${bucket.severity}`}</title>
            </rect>
          );
        })}
        {events.map((event) => {
          const at = x(event.at);
          if (at < PAD_X || at > width - PAD_X) return null;
          return (
            <g
              key={event.id}
              data-testid="timeline-event"
              className={`timeline-mark mark-${event.kind}`}
            >
              <line x1={at} x2={at} y1={MARKS_Y} y2={PLOT_BOTTOM} />
              <circle cx={at} cy={MARKS_Y} r={5} />
              <title>{describeEvent(event)}</title>
            </g>
          );
        })}
        {shownBrush && (
          <rect
            className="timeline-brush"
            x={x(shownBrush[0])}
            y={PLOT_TOP - 4}
            width={Math.max(1, x(shownBrush[1]) - x(shownBrush[0]))}
            height={PLOT_BOTTOM - PLOT_TOP + 4}
          />
        )}
        <line
          className="timeline-axis"
          x1={PAD_X}
          x2={width - PAD_X}
          y1={PLOT_BOTTOM}
          y2={PLOT_BOTTOM}
        />
        {x.ticks(Math.max(2, Math.floor(width / 120))).map((tick) => (
          <text key={tick.getTime()} className="timeline-tick" x={x(tick)} y={PLOT_BOTTOM + 18}>
            {x.tickFormat()(tick)}
          </text>
        ))}
      </svg>
    </div>
  );
}

/** What a mark on the timeline says when pointed at. */
export function describeEvent(event: IncidentEvent): string {
  const when = new Date(event.at).toLocaleString();
  if (event.kind === 'note') return `${when} · ${event.author}: note`;
  const what = event.kind === 'status' ? 'status' : 'assignee';
  return `${when} · ${event.author}: ${what} ${event.previous ?? '—'} → ${event.value || '—'}`;
}
