import type { ApplyJob } from '../../../../shared/contract/jobs';
import type { ApplyStepStatus, CloudConfiguration, Plan, PlanStep, SetupInput } from '../../../../shared/contract/setup';
import { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME } from '../../../../shared/defaults';
import { isSupportedRegion, SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import { normaliseAccountId, trimPasted } from '../../../../shared/validation/forgiving';
import {
  validateAccountId,
  validateBucketName,
  validateConfigurationName,
  validateExternalId,
  validateRoleName,
  validateTableName,
  type Validator,
} from '../../../../shared/validation/names';

/** The form as typed: every field a string (region included, until checked). */
export type SetupForm = { [K in keyof SetupInput]: string };
/** One form field. */
export type SetupField = keyof SetupForm;
/** A message per invalid field. */
export type FieldErrors = Partial<Record<SetupField, string>>;

/** The wizard's stages, in order. */
export const WIZARD_STEPS = ['form', 'plan', 'create', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** A fresh form; the region starts at the connected session's region when the platform supports it. */
export function initialForm(sessionRegion?: string | null): SetupForm {
  return {
    name: '',
    region: sessionRegion && isSupportedRegion(sessionRegion) ? sessionRegion : 'us-east-1',
    bucketName: '',
    tableName: '',
    roleName: DEFAULT_ROLE_NAME,
    externalId: '',
    platformAccountId: DEFAULT_PLATFORM_ACCOUNT_ID,
  };
}

const validateRegion: Validator = (value) =>
  isSupportedRegion(value) ? null : `Region must be one of ${SUPPORTED_REGIONS.join(', ')}.`;

const VALIDATORS: Record<SetupField, Validator> = {
  name: validateConfigurationName,
  region: validateRegion,
  bucketName: validateBucketName,
  tableName: validateTableName,
  roleName: validateRoleName,
  externalId: validateExternalId,
  platformAccountId: validateAccountId,
};

// The same normalisers SetupInputSchema applies in main: pasted whitespace trimmed, 4816-3362-4848 accepted.
const NORMALISERS: Record<SetupField, (value: string) => string> = {
  name: trimPasted,
  region: (value) => value,
  bucketName: trimPasted,
  tableName: trimPasted,
  roleName: trimPasted,
  externalId: trimPasted,
  platformAccountId: normaliseAccountId,
};

/** The form with each value as main will receive it (trimmed; account ID without dashes). */
export function normaliseForm(form: SetupForm): SetupForm {
  return Object.fromEntries((Object.keys(NORMALISERS) as SetupField[]).map((f) => [f, NORMALISERS[f](form[f])])) as SetupForm;
}

/** Every field's problem, from the same normalisers and validators main applies. */
export function validateForm(form: SetupForm): FieldErrors {
  const errors: FieldErrors = {};
  const normalised = normaliseForm(form);
  for (const field of Object.keys(VALIDATORS) as SetupField[]) {
    const problem = VALIDATORS[field](normalised[field]);
    if (problem) errors[field] = problem;
  }
  return errors;
}

/** The errors to show: only for fields the user has touched (or all, once they tried to continue). */
export function visibleErrors(errors: FieldErrors, touched: ReadonlySet<SetupField>, showAll = false): FieldErrors {
  if (showAll) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([k]) => touched.has(k as SetupField))) as FieldErrors;
}

/** The typed request, or null while any field is invalid. */
export function toSetupInput(form: SetupForm): SetupInput | null {
  if (Object.keys(validateForm(form)).length > 0 || !isSupportedRegion(form.region)) return null;
  return { ...normaliseForm(form), region: form.region as SupportedRegion };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A random external ID of `length` characters of [A-Za-z0-9], drawn without modulo bias
 * (bytes ≥ 248 are rejected since 248 = 4 × 62).
 */
export function generateExternalId(
  length = 32,
  fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  let out = '';
  while (out.length < length) {
    for (const byte of fill(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += ID_ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Badge colour of a plan action. */
export function actionColor(action: PlanStep['action']): string {
  switch (action) {
    case 'create':
      return 'blue';
    case 'keep':
      return 'green';
    case 'update':
      return 'orange';
    case 'conflict':
      return 'red';
  }
}

/** The conflicting steps of a plan; a plan with any cannot be applied. */
export function conflicts(plan: Plan): PlanStep[] {
  return plan.steps.filter((s) => s.action === 'conflict');
}

/** A one-line summary of a plan ("2 to create, 2 to keep"). */
export function planSummary(plan: Plan): string {
  const count = (a: PlanStep['action']) => plan.steps.filter((s) => s.action === a).length;
  const parts = [`${count('create')} to create`, `${count('keep')} to keep`];
  if (count('update') > 0) parts.push(`${count('update')} to repair`);
  const c = count('conflict');
  if (c > 0) parts.push(`${c} in conflict`);
  return parts.join(', ');
}

/** True once an apply job has stopped, successfully or not. */
export function isFinished(job: ApplyJob | null): boolean {
  return job !== null && job.state !== 'running';
}

/** A colour for an apply step's state. */
export function stepStateColor(state: ApplyStepStatus['state']): string {
  switch (state) {
    case 'pending':
      return 'gray';
    case 'running':
      return 'blue';
    case 'done':
      return 'teal';
    case 'skipped':
      return 'gray';
    case 'failed':
      return 'red';
    case 'undone':
      return 'orange';
  }
}

/** The result fields in the order the platform's form asks for them (then the rest). */
export const RESULT_FIELDS: ReadonlyArray<{ key: keyof CloudConfiguration; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'bucketName', label: 'S3 bucket' },
  { key: 'tableName', label: 'DynamoDB table' },
  { key: 'roleArn', label: 'Role ARN' },
  { key: 'region', label: 'Region' },
  { key: 'tableArn', label: 'Table ARN' },
  { key: 'roleName', label: 'Role name' },
  { key: 'externalId', label: 'External ID' },
  { key: 'platformAccountId', label: 'Platform account ID' },
];

/** The configuration as pretty JSON (fields in contract order) for export. */
export function configurationJson(config: CloudConfiguration): string {
  const { name, region, bucketName, tableName, tableArn, roleName, roleArn, externalId, platformAccountId } = config;
  return `${JSON.stringify({ name, region, bucketName, tableName, tableArn, roleName, roleArn, externalId, platformAccountId }, null, 2)}\n`;
}

/** A safe file name for the exported configuration. */
export function exportFileName(config: CloudConfiguration): string {
  const slug = config.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'configuration';
  return `onramp-${slug}.json`;
}
