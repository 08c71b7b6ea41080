/**
 * What analysts did to the incident, oldest first: status and assignee
 * changes and notes, each with its author and time; and the form that adds
 * a note. Notes are shown as written (Markdown is kept as its source text).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { IncidentEvent } from '../../shared/model';
import { STATUS_LABELS } from './labels';

const when = (ms: number) => new Date(ms).toLocaleString();

function EventLine({ event }: { event: IncidentEvent }): ReactElement {
  if (event.kind === 'note') {
    return (
      <>
        <span className="event-head">
          {event.author} noted, {when(event.at)}
        </span>
        <pre className="note-text">{event.value}</pre>
      </>
    );
  }
  const label = (value: string | undefined) =>
    event.kind === 'status'
      ? (STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value)
      : value || 'nobody';
  return (
    <span className="event-head">
      {event.author} set {event.kind} {label(event.previous)} → {label(event.value)},{' '}
      {when(event.at)}
    </span>
  );
}

export function Activity({
  events,
  readOnly,
  onNote,
}: {
  events: readonly IncidentEvent[];
  readOnly: boolean;
  onNote(text: string): Promise<boolean>;
}): ReactElement {
  const [draft, setDraft] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() && (await onNote(draft))) setDraft('');
  };
  return (
    <section className="activity" aria-label="Activity">
      <h3>Activity</h3>
      {events.length === 0 && <p className="empty">No changes or notes yet.</p>}
      <ol>
        {events.map((event) => (
          <li key={event.id} className={`event event-${event.kind}`} data-testid="incident-event">
            <EventLine event={event} />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form className="note-form" onSubmit={(event) => void submit(event)}>
          <textarea
            aria-label="New note"
            placeholder="Add a note (plain text or Markdown)"
            value={draft}
            maxLength={20_000}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" disabled={!draft.trim()}>
            Add note
          </button>
        </form>
      )}
    </section>
  );
}
