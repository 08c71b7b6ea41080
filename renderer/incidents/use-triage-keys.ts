/**
 * Binds the triage keyboard to the page while the incident views are shown.
 * Keys typed into a field are the field's, except Escape, which leaves it.
 */
import { useEffect } from 'react';
import { useApi } from '../api/api-context';
import { navigate } from '../route/use-route';
import { parseRoute } from '../route/route';
import { appStore } from '../store/use-app-store';
import { SEARCH_INPUT_ID } from './FilterBar';
import { setStatus } from './incident-actions';
import { triageCommand } from './triage-keys';

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useTriageKeys(
  readOnly: boolean,
  help: boolean,
  setHelp: (shown: boolean) => void,
): void {
  const api = useApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isField(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      // Enter on a focused button is the button's.
      if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return;
      const command = triageCommand(event.key, readOnly);
      if (!command) return;
      event.preventDefault();
      // Read at the key press: keys pressed faster than React renders see the newest route.
      const route = parseRoute(window.location.hash);
      if (route.view !== 'incidents') return;
      const { incidents, cursor, moveCursor } = appStore.getState();
      const current = incidents[cursor];
      switch (command.kind) {
        case 'move':
          moveCursor(command.by);
          return;
        case 'open':
          if (current) navigate({ view: 'incidents', filter: route.filter, incident: current.id });
          return;
        case 'status':
          if (current) void setStatus(api, appStore, current.id, command.status);
          return;
        case 'search':
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
        case 'help':
          setHelp(!help);
          return;
        case 'back':
          // Esc closes what lies on top first: the help, then the record, the incident, the list.
          if (help) setHelp(false);
          else if (route.alert) navigate({ ...route, alert: undefined });
          else if (route.incident) navigate({ view: 'incidents', filter: route.filter });
          else navigate({ view: 'map' });
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, readOnly, help, setHelp]);
}
