import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema, SettingsUpdateSchema, type Settings, type SettingsUpdate } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../store/json-file';
import type { SavedBounds } from './window-bounds';

/** The settings file's format version; a file with any other version is set aside. */
export const SETTINGS_VERSION = 1;

/** The settings file's name inside the data folder. */
export const SETTINGS_FILE = 'settings.json';

const WindowStateSchema = z
  .object({
    width: z.number().finite().positive(),
    height: z.number().finite().positive(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    maximized: z.boolean().optional(),
  })
  .strict();

/** Saved window geometry (validated again against the displays before use). */
export type WindowState = SavedBounds & { maximized?: boolean };

/** What is on disk: the user's settings, the window's geometry, and a version. */
const SettingsFileSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION, { error: `Unknown settings version (expected ${SETTINGS_VERSION}).` }),
    settings: SettingsSchema,
    window: WindowStateSchema.nullable().optional(),
  })
  .strict();
type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Told when the settings file could not be used and defaults were taken instead (the logger, in the app). */
export type SettingsProblemListener = (problem: string) => void;

/**
 * The user's settings in `<dataDir>/settings.json`, written atomically and readable by the user only.
 * A corrupt or unknown-version file is renamed aside and defaults are used — reading never throws
 * for a bad file. Writes are serialised so concurrent updates never interleave.
 */
export class SettingsStore {
  readonly path: string;
  private cached: SettingsFile | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly onProblem?: SettingsProblemListener,
  ) {
    this.path = join(dataDir, SETTINGS_FILE);
  }

  /** The current settings (defaults when none are saved or the file was unreadable). */
  async get(): Promise<Settings> {
    return { ...(await this.load()).settings };
  }

  /** Apply a partial update, validating it, and save; returns the full settings. */
  async update(patch: SettingsUpdate): Promise<Settings> {
    const parsed = SettingsUpdateSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('InvalidInput', issue?.message ?? 'Invalid settings.', issue?.path.map(String).join('.') || undefined);
    }
    return this.mutate((file) => ({ ...file, settings: { ...file.settings, ...stripUndefined(parsed.data) } })).then(
      (f) => ({ ...f.settings }),
    );
  }

  /** The saved window geometry, or null. */
  async getWindowState(): Promise<WindowState | null> {
    return (await this.load()).window ?? null;
  }

  /** Remember the window's geometry. Invalid geometry is ignored rather than saved. */
  async setWindowState(state: WindowState): Promise<void> {
    const parsed = WindowStateSchema.safeParse(state);
    if (!parsed.success) return;
    await this.mutate((file) => ({ ...file, window: parsed.data }));
  }

  /** Resolves once every pending write has finished (call before the app quits). */
  async flush(): Promise<void> {
    await this.queue;
  }

  private async load(): Promise<SettingsFile> {
    if (this.cached) return this.cached;
    // An unreadable file (permissions, a folder in its place) must not stop the app either.
    const read = await readJsonFile(this.path, SettingsFileSchema).catch((err: unknown) => {
      this.onProblem?.(`Settings file unreadable (${(err as Error).message}); using defaults.`);
      return { kind: 'missing' as const };
    });
    if (read.kind === 'invalid') {
      this.onProblem?.(`Settings file ${read.reason}; set aside as ${read.setAsideTo} and defaults used.`);
    }
    this.cached =
      read.kind === 'ok'
        ? read.value
        : { version: SETTINGS_VERSION, settings: { ...DEFAULT_SETTINGS }, window: null };
    return this.cached;
  }

  private mutate(change: (file: SettingsFile) => SettingsFile): Promise<SettingsFile> {
    const run = this.queue.then(async () => {
      const next = SettingsFileSchema.parse(change(await this.load()));
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      this.cached = next;
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
