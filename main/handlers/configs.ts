import type { SavedConfiguration } from '../../shared/contract/setup';
import { AppError } from '../../shared/errors';
import type { HandlerDeps, HandlerSlice } from './types';

/** A request naming a saved configuration: its name and, unless it is the connected account's, its account. */
export interface ConfigurationRef {
  name: string;
  accountId?: string;
}

/**
 * The saved configuration a request names, looked up by account and name: the account the request
 * gives, else the connected one. Without either (nothing connected: export, the platform panel), the
 * name must be saved for one account only. Not found in that account but saved for others, the
 * message says which, so the user can connect to the right one.
 */
export async function savedOrThrow(deps: HandlerDeps, ref: ConfigurationRef): Promise<SavedConfiguration> {
  const list = await deps.store.list();
  const named = list.filter((c) => c.name === ref.name);
  const accountId = ref.accountId ?? deps.session.current()?.info.account;
  if (accountId === undefined) {
    if (named.length === 1) return named[0]!;
    if (named.length > 1) {
      throw new AppError('InvalidInput', `A configuration named "${ref.name}" is saved for ${named.length} accounts (${named.map((c) => c.accountId).join(', ')}): connect to the one you mean, or give its accountId.`, 'accountId');
    }
    throw new AppError('NotFound', `No configuration named "${ref.name}" is saved.`, 'name');
  }
  const saved = named.find((c) => c.accountId === accountId);
  if (saved) return saved;
  if (named.length > 0) {
    throw new AppError(
      'WrongAccount',
      `No configuration named "${ref.name}" is saved for account ${accountId}; one is saved for account ${named.map((c) => c.accountId).join(', ')}. Connect with a profile of that account.`,
      'name',
    );
  }
  throw new AppError('NotFound', `No configuration named "${ref.name}" is saved for account ${accountId}.`, 'name');
}

/** The local list of saved Cloud Configurations. */
export function configsHandlers(deps: HandlerDeps): HandlerSlice<'configs:list' | 'configs:forget'> {
  return {
    'configs:list': () => deps.store.list(),
    'configs:forget': async (req) => {
      // Local only, and idempotent: the account the row shows (another account's configuration may be
      // forgotten too), else the connected one, else the only account that has a configuration of this name.
      const saved = await savedOrThrow(deps, req).catch((err: unknown) => {
        if (err instanceof AppError && (err.code === 'NotFound' || err.code === 'WrongAccount')) return null;
        throw err;
      });
      if (saved) await deps.store.remove(saved);
      return null;
    },
  };
}
