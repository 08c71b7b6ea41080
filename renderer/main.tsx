/** The renderer's entry: connects, starts syncing the store and mounts the app. */
import './api/zod-jitless';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { connectApi } from './api/connect';
import { isWallPath } from './api/socket-url';
import { App } from './App';
import { WallApp } from './wall/WallApp';
import { bindLogger, scopedLogger } from './log';
import { startNotableToasts } from './notify/notable-toasts';
import { reportPageProblems } from './page-problems';
import { applySeverityColours } from './palette';
import { startSync } from './store/sync';
import { appStore } from './store/use-app-store';

const api = connectApi((status) => appStore.getState().setConnection(status));
bindLogger(api);
reportPageProblems(scopedLogger('page'));
applySeverityColours(document.documentElement);
startSync(api, appStore);
startNotableToasts(api, appStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      {isWallPath(window.location.pathname) ? <WallApp /> : <App />}
    </ApiContext.Provider>
  </StrictMode>,
);
