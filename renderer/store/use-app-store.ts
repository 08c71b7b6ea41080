import { useStore } from 'zustand';
import { createAppStore } from './app-store';
import type { AppState } from './app-state';

/** The page's one store. */
export const appStore = createAppStore();

/** Subscribes a component to one value of the page's store. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
