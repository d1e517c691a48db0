import type { PlatformCloudConfig } from '../../../shared/contract/platform';
import { AppError } from '../../../shared/errors';
import { apiHeaders, CLOUD_CONFIGS_PATH, createBody, pageQuery, parseCloudConfig, parseListPage, type CloudConfigDraft } from './adapter';
import { answerError, DEFAULT_TIMEOUT_MS, send, statusText, type FetchLike, type HttpAnswer, type RequestContext } from './http';
import { REFUSED_MESSAGE, type TokenClient } from './token';

/** The platform's whole list of Cloud Configurations, and whether Onramp could read all of it. */
export interface CloudConfigList {
  items: PlatformCloudConfig[];
  /** False when the platform said it holds more than it listed (paging it would not follow). */
  complete: boolean;
  /** The count the platform reported, when it did. */
  totalItems: number | null;
}

/** The Cloud Configuration endpoints Onramp uses. Nothing else: no update, no delete. */
export interface CloudConfigApi {
  readonly apiUrl: string;
  create(draft: CloudConfigDraft): Promise<PlatformCloudConfig>;
  list(): Promise<CloudConfigList>;
  /** One configuration by UUID, or null when the platform does not have it (404). */
  get(uuid: string): Promise<PlatformCloudConfig | null>;
}

export interface CloudConfigApiOptions {
  apiUrl: string;
  tokens: TokenClient;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** At most this many list pages are read (a runaway server cannot keep Onramp paging). */
const MAX_PAGES = 50;

/**
 * The platform's Cloud Configuration API (`{api}/v1/cloud-configs`, docs/platform-api.md#cloud-configurations) behind the
 * token client. A 401/403 drops the token and logs in once more before giving up with "the
 * platform refused this client ID and secret".
 */
export function createCloudConfigApi(opts: CloudConfigApiOptions): CloudConfigApi {
  const fetchFn = opts.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = `${opts.apiUrl}${CLOUD_CONFIGS_PATH}`;
  const ctx = (what: string): RequestContext => ({ what, timeoutMs, secrets: () => opts.tokens.secrets() });

  async function authorized(method: 'GET' | 'POST', url: string, what: string, body?: string): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt++) {
      const token = await opts.tokens.token();
      const headers: Record<string, string> = apiHeaders(token);
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const answer = await send(fetchFn, url, { method, headers, ...(body !== undefined ? { body } : {}) }, ctx(what));
      if (answer.status !== 401 && answer.status !== 403) return answer;
      opts.tokens.invalidate();
      if (attempt === 0) continue;
      if (answer.status === 403) {
        throw new AppError(
          'PlatformAuth',
          `${REFUSED_MESSAGE} (${statusText(403)} for Cloud Configurations: the token must be an organization API token, not a workspace one.)`,
        );
      }
      throw new AppError('PlatformAuth', REFUSED_MESSAGE);
    }
  }

  const ok = (a: HttpAnswer) => a.status >= 200 && a.status < 300;

  async function get(uuid: string): Promise<PlatformCloudConfig | null> {
    const what = 'read the Cloud Configuration';
    const answer = await authorized('GET', `${base}/${encodeURIComponent(uuid)}`, what);
    if (answer.status === 404) return null;
    if (!ok(answer)) throw answerError(answer, ctx(what));
    const config = parseCloudConfig(answer.body);
    if (!config) throw unexpected(what);
    return config;
  }

  return {
    apiUrl: opts.apiUrl,

    async create(draft) {
      const what = `create the Cloud Configuration "${draft.name}"`;
      const answer = await authorized('POST', base, what, createBody(draft));
      if (!ok(answer)) throw answerError(answer, ctx(what));
      const created = parseCloudConfig(answer.body);
      if (!created) {
        throw new AppError(
          'PlatformRejected',
          `The Bodo Platform accepted "${draft.name}" (${statusText(answer.status)}) but its answer carries no UUID. Check the platform's Cloud Configurations page before registering again.`,
        );
      }
      // The SDK saves, then reloads (docs/platform-api.md#cloud-configurations): reload when the answer omits the provider data.
      const bare = created.roleArn === null && created.bucketName === null && created.region === null;
      return bare ? ((await get(created.uuid)) ?? created) : created;
    },

    async list() {
      const what = 'list the Cloud Configurations';
      const items: PlatformCloudConfig[] = [];
      const seen = new Set<string>();
      let url = base;
      let totalItems: number | null = null;
      // The page number of the first answer tells whether the server counts from 0 or 1.
      let firstPage: number | null = null;
      for (let n = 0; n < MAX_PAGES; n++) {
        const answer = await authorized('GET', url, what);
        if (!ok(answer)) throw answerError(answer, ctx(what));
        const page = parseListPage(answer.body);
        if (!page) throw unexpected(what);
        const fresh = page.items.filter((c) => !seen.has(c.uuid));
        for (const c of fresh) {
          seen.add(c.uuid);
          items.push(c);
        }
        totalItems = page.totalItems ?? totalItems;
        if (n === 0) firstPage = page.page;
        const morePages = page.totalPages !== null && page.page !== null && firstPage !== null && page.page - firstPage + 1 < page.totalPages;
        const moreItems = totalItems !== null && items.length < totalItems;
        // Stop when the platform says there is no more, or a further page brought nothing new.
        if (!(morePages || moreItems) || fresh.length === 0 || page.page === null) {
          return { items, complete: totalItems === null || items.length >= totalItems, totalItems };
        }
        url = `${base}${pageQuery(page.page + 1, page.size ?? page.items.length)}`;
      }
      return { items, complete: totalItems === null || items.length >= totalItems, totalItems };
    },

    get,
  };
}

function unexpected(what: string): AppError {
  return new AppError('PlatformRejected', `The Bodo Platform answered in a shape Onramp does not know while trying to ${what}; its API may have changed (see docs/platform.md to register by hand).`);
}
