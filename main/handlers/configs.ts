import type { HandlerDeps, HandlerSlice } from './types';

/** The local list of saved Cloud Configurations. */
export function configsHandlers(deps: HandlerDeps): HandlerSlice<'configs:list' | 'configs:forget'> {
  return {
    'configs:list': () => deps.store.list(),
    'configs:forget': async (req) => {
      await deps.store.remove(req.name);
      return null;
    },
  };
}
