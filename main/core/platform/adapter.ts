/**
 * Every point of the Bodo Platform's API that Onramp depends on but could not check against the
 * real server lives here, and only here (the rest of the client speaks in these functions). Each
 * constant names its source in docs/platform-api.md, by section ("[code]" read in the bodosdk
 * source, "[infer]" inferred). When the platform's API changes, this is the file to change — and
 * docs/platform.md says how to do the same by hand meanwhile.
 */
import type { PlatformCloudConfig } from '../../../shared/contract/platform';

/** The bodosdk release whose contract this adapter follows (the "later 2.x" line, README of 2.3.2). */
export const SDK_CONTRACT_VERSION = '2.3.2';

/**
 * Token endpoints, newest first: 2.0.0rc1 and later POST to `v2` and read `access_token`; ≤1.5.1 used
 * `v1` and `accessToken` ([code] #authentication). The v1 path is tried only when v2 answers 404.
 */
export const TOKEN_PATHS = ['/identity/resources/auth/v2/api-token', '/identity/resources/auth/v1/api-token'] as const;

/** The Cloud Configuration collection under the API base: `{api}/v1/cloud-configs` ([code], later 2.x, #cloud-configurations). */
export const CLOUD_CONFIGS_PATH = '/v1/cloud-configs';

/** The headers of every API call, exactly those of the SDK's `get_auth_header` ([code] #authentication); a create adds Content-Type. */
export function apiHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'SDK-Version': SDK_CONTRACT_VERSION };
}

/** The token request's body: exactly `clientId` and `secret` ([code] `AuthApi._authenticate`, #authentication). */
export function tokenRequestBody(clientId: string, secret: string): string {
  return JSON.stringify({ clientId, secret });
}

/** The bearer token in a token response: `access_token` (v2), else `accessToken` (v1) ([code] #authentication; [infer] accept both). */
export function tokenFromResponse(body: unknown): { token: string; expiresInSeconds: number | null } | null {
  if (!isRecord(body)) return null;
  const token = typeof body.access_token === 'string' ? body.access_token : typeof body.accessToken === 'string' ? body.accessToken : null;
  if (!token) return null;
  // The SDK never reads expires_in (it decodes the JWT's exp); it is a fallback here when exp is absent [infer].
  const raw = body.expires_in ?? body.expiresIn;
  const expiresInSeconds = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : null;
  return { token, expiresInSeconds };
}

/** What Onramp registers: the values it created and verified in AWS. */
export interface CloudConfigDraft {
  name: string;
  roleArn: string;
  externalId: string;
  accountId: string;
  bucketName: string;
  region: string;
}

/**
 * The create body of the current contract ([code] later 2.x `CloudConfigAPIModel`, `by_alias=True,
 * exclude_none=True`, #cloud-configurations): `name` and `providerData` with provider `AWS`, role ARN, external ID,
 * account, bucket as `tfBucketName` and region as `tfBackendRegion`. The current model has no table
 * field, so none is sent; no nulls are sent.
 */
export function createBody(draft: CloudConfigDraft): string {
  return JSON.stringify({
    name: draft.name,
    providerData: {
      provider: 'AWS',
      roleArn: draft.roleArn,
      externalId: draft.externalId,
      accountId: draft.accountId,
      tfBucketName: draft.bucketName,
      tfBackendRegion: draft.region,
    },
  });
}

/**
 * A Cloud Configuration from a create/get/list answer. Accepts the current shape (`providerData`)
 * and the older one (`cloudProvider` + `awsProviderData`, which also carries `tfDynamoDbTableName`)
 * ([code] #cloud-configurations); null when the answer has no `uuid` and `name`.
 */
export function parseCloudConfig(body: unknown): PlatformCloudConfig | null {
  if (!isRecord(body) || typeof body.uuid !== 'string' || !body.uuid) return null;
  const data = isRecord(body.providerData) ? body.providerData : isRecord(body.awsProviderData) ? body.awsProviderData : {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    uuid: body.uuid,
    name: str(body.name) ?? '',
    status: str(body.status) ?? 'UNKNOWN',
    provider: str(data.provider) ?? str(body.cloudProvider) ?? (isRecord(body.awsProviderData) ? 'AWS' : null),
    // 1.5.1 and 2.0.1rc1 also alias `RoleArn` on a class no request uses ([infer] trust `roleArn`, #cloud-configurations).
    roleArn: str(data.roleArn) ?? str(data.RoleArn),
    externalId: str(data.externalId),
    accountId: str(data.accountId),
    bucketName: str(data.tfBucketName),
    tableName: str(data.tfDynamoDbTableName) ?? str(data.tfDynamoDBTableName),
    region: str(data.tfBackendRegion),
  };
}

/** One page of a list answer, and what it says about the others. */
export interface ListPage {
  items: PlatformCloudConfig[];
  /** The page number the server reports (0- or 1-based), or null. */
  page: number | null;
  size: number | null;
  totalPages: number | null;
  totalItems: number | null;
}

/**
 * A list answer: `{data: [...], metadata: PageMetadata}` (later 2.x, [code] #cloud-configurations) or a bare array
 * (1.x/2.0.x, #cloud-configurations). The metadata's JSON casing is not confirmed, so both camelCase and snake_case
 * are read ([infer] #cloud-configurations). Null when the answer is neither shape.
 */
export function parseListPage(body: unknown): ListPage | null {
  const rows = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.data) ? body.data : null;
  if (!rows) return null;
  const meta = isRecord(body) && isRecord(body.metadata) ? body.metadata : {};
  const num = (...vals: unknown[]) => {
    const v = vals.find((x) => typeof x === 'number' && Number.isFinite(x));
    return typeof v === 'number' ? v : null;
  };
  return {
    items: rows.map(parseCloudConfig).filter((c): c is PlatformCloudConfig => c !== null),
    page: num(meta.page),
    size: num(meta.size, meta.pageSize, meta.page_size),
    totalPages: num(meta.totalPages, meta.total_pages),
    totalItems: num(meta.totalItems, meta.total_items),
  };
}

/**
 * The query of a page after the first. The SDK never sends paging parameters for cloud configs; the
 * v1 workspace list sends `page` and `size` ([code] #cloud-configurations), so the same names are assumed here [infer].
 */
export function pageQuery(page: number, size: number): string {
  return `?page=${page}&size=${size}`;
}

/**
 * The platform's own words from an error body: NestJS-style `{statusCode, message: string|string[],
 * error}` ([code] 1.5.1 `handle_api_error`; [infer] the shape), else a plain-text body.
 */
export function errorMessageFrom(body: unknown, text: string): string | null {
  if (isRecord(body)) {
    const m = body.message;
    if (typeof m === 'string' && m.trim()) return m;
    if (Array.isArray(m) && m.every((x) => typeof x === 'string') && m.length) return m.join('; ');
    if (Array.isArray(body.errors) && body.errors.every((x) => typeof x === 'string') && body.errors.length) return body.errors.join('; ');
    if (typeof body.error === 'string' && body.error.trim()) return body.error;
    return null;
  }
  const t = text.trim();
  return t && !t.startsWith('<') ? t : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
