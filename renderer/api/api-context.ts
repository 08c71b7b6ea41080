/** The page's API, handed to the components that call it. */
import { createContext, useContext } from 'react';
import type { LagebildApi } from '../../shared/api';

export const ApiContext = createContext<LagebildApi | undefined>(undefined);

/** The API of this page; only under ApiContext's provider. */
export function useApi(): LagebildApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider');
  return api;
}
