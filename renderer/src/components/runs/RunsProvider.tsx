import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RunProgress } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { showNotice, type NoticeAction } from '../notice';
import { followRun, isEnded } from './follow';

/** A toast said when a run ends, wherever the user is by then. */
export interface RunNotice {
  title: string;
  message: string;
  color: string;
  autoClose?: boolean;
  /** The screen that shows what the notice announces: no toast is drawn over it (components/notice). */
  about?: string;
  /** A link that opens the screen showing it. */
  action?: NoticeAction;
}

/** One named place: a screen's kept state and the run it follows. */
interface Place {
  value: unknown;
  runId: string | null;
  run: RunProgress | null;
  pollError: AppErrorShape | null;
  /** Cancel was pressed (shown at once, before main's next answer says so). */
  cancelAsked: boolean;
  notice: ((run: RunProgress) => RunNotice | null) | null;
}

interface RunsContext {
  places: Readonly<Record<string, Place>>;
  /** Change one place; `fn` answers undefined to leave it as it is. */
  change: (name: string, fn: (place: Place | undefined) => Place | undefined) => void;
  /** Runs main was running when this window started (after a reload), not yet picked up by a place. */
  found: readonly RunProgress[];
  claim: (runId: string) => void;
}

const Ctx = createContext<RunsContext | null>(null);

/** Follows one place's run while it runs (a component, so following starts and stops with it). */
function PlaceFollower({ name, runId, notice, change }: { name: string; runId: string; notice: Place['notice']; change: RunsContext['change'] }) {
  const noticeRef = useRef(notice);
  noticeRef.current = notice;
  useEffect(
    () =>
      followRun(runId, {
        onProgress: (run) => {
          change(name, (p) => (p && p.runId === runId ? { ...p, run, pollError: null } : undefined));
          // Said once: the follower is gone once its run has ended.
          const n = isEnded(run) ? noticeRef.current?.(run) : null;
          if (n) showNotice(n);
        },
        onError: (error) => change(name, (p) => (p && p.runId === runId ? { ...p, pollError: error } : undefined)),
      }),
    [name, runId, change],
  );
  return null;
}

/**
 * Holds every screen's place and run above the screens, so leaving a wizard mid-run and coming back
 * loses nothing, and a run that ends while the user is elsewhere is still said. Follows each place's
 * run until it ends; at start-up asks `runs:list` so a reloaded window finds the runs main still runs.
 */
export function RunsProvider({ children }: { children: ReactNode }) {
  const [places, setPlaces] = useState<Record<string, Place>>({});
  const [found, setFound] = useState<RunProgress[]>([]);
  const change = useCallback<RunsContext['change']>(
    (name, fn) =>
      setPlaces((all) => {
        const next = fn(all[name]);
        return next === undefined ? all : { ...all, [name]: next };
      }),
    [],
  );
  const claim = useCallback((runId: string) => setFound((f) => f.filter((r) => r.runId !== runId)), []);
  useEffect(() => {
    let alive = true;
    void call(() => api().runs.list({})).then((r) => {
      if (alive && r.ok) setFound(r.value.filter((run) => run.state === 'running'));
    });
    return () => {
      alive = false;
    };
  }, []);
  const value = useMemo(() => ({ places, change, found, claim }), [places, change, found, claim]);
  return (
    <Ctx.Provider value={value}>
      {children}
      {Object.entries(places).map(([name, p]) =>
        p.runId && !isEnded(p.run) && !p.pollError ? <PlaceFollower key={`${name}:${p.runId}`} name={name} runId={p.runId} notice={p.notice} change={change} /> : null,
      )}
    </Ctx.Provider>
  );
}

/** How a place follows its runs. */
export interface RunPlaceOptions<T> {
  /** The toast to say when its run ends (null for none). */
  notice?: (run: RunProgress) => RunNotice | null;
  /**
   * Pick up a run main was running when the window started (after a reload), while the place follows
   * none: the place's state to follow it with, or null to leave it.
   */
  adopt?: (run: RunProgress, value: T) => T | null;
}

/** A screen's kept place and its run. */
export interface RunPlace<T> {
  /** The screen's own state (form, step, …), kept across navigation. */
  value: T;
  set: (update: (value: T) => T) => void;
  runId: string | null;
  /** The run's latest progress (null until the first answer). */
  run: RunProgress | null;
  /** Why the run could not be followed (it was forgotten, or main is gone). */
  pollError: AppErrorShape | null;
  /** A run is followed and has not ended: disconnecting asks first. */
  running: boolean;
  /** Cancel was asked for (by this window or main says so). */
  cancelling: boolean;
  /** Follow a run main started (its id from the starting channel). */
  track: (runId: string) => void;
  /** Ask the run to stop (it stops after the step in flight and undoes what it made). */
  cancel: () => Promise<void>;
  /** Start over on `value`, following no run. */
  reset: (value: T) => void;
}

/**
 * The place called `name` and its run, kept by the app's RunsProvider (null outside one). `initial`
 * gives the place's state the first time it is used.
 */
export function useRun<T>(name: string, initial: () => T, options: RunPlaceOptions<T> = {}): RunPlace<T> | null {
  const ctx = useContext(Ctx);
  const first = useRef<{ value: T } | null>(null);
  first.current ??= { value: initial() };
  const opts = useRef(options);
  opts.current = options;
  const place = ctx?.places[name];
  const change = ctx?.change;
  const blank = useCallback((value: T): Place => ({ value, runId: null, run: null, pollError: null, cancelAsked: false, notice: null }), []);

  const set = useCallback(
    (update: (value: T) => T) =>
      change?.(name, (p) => {
        const current = p ?? blank(first.current!.value);
        const value = update(current.value as T);
        // Unchanged: no new state, so an effect that sets what is already there does not loop.
        return p && value === current.value ? undefined : { ...current, value };
      }),
    [change, name, blank],
  );
  const follow = useCallback(
    (runId: string, run: RunProgress | null, value?: T) =>
      change?.(name, (p) => {
        const current = p ?? blank(first.current!.value);
        return { ...current, value: value === undefined ? current.value : value, runId, run, pollError: null, cancelAsked: false, notice: opts.current.notice ?? null };
      }),
    [change, name, blank],
  );
  const track = useCallback((runId: string) => follow(runId, null), [follow]);
  const reset = useCallback((value: T) => change?.(name, () => blank(value)), [change, name, blank]);
  const runId = place?.runId ?? null;
  const cancel = useCallback(async () => {
    if (!runId) return;
    change?.(name, (p) => (p && p.runId === runId ? { ...p, cancelAsked: true } : undefined));
    await call(() => api().runs.cancel({ runId }));
  }, [change, name, runId]);

  // After a reload: a run main still runs that this place would follow.
  const found = ctx?.found;
  const claim = ctx?.claim;
  const current = (place ? place.value : first.current.value) as T;
  useEffect(() => {
    const adopt = opts.current.adopt;
    if (runId || !found || !claim || !adopt) return;
    for (const run of found) {
      const value = adopt(run, current);
      if (value === null) continue;
      claim(run.runId);
      follow(run.runId, run, value);
      return;
    }
    // `current` is read when a run is found, not a reason to look again.
  }, [runId, found, claim, follow]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!ctx) return null;
  const run = place?.run ?? null;
  return {
    value: current,
    set,
    runId,
    run,
    pollError: place?.pollError ?? null,
    running: runId !== null && !isEnded(run),
    cancelling: Boolean(place?.cancelAsked || run?.cancelling),
    track,
    cancel,
    reset,
  };
}

/** The places whose run has not ended (the shell asks before disconnecting). */
export function useRunsInFlight(): { name: string; run: RunProgress | null }[] {
  const ctx = useContext(Ctx);
  return Object.entries(ctx?.places ?? {})
    .filter(([, p]) => p.runId !== null && !isEnded(p.run))
    .map(([name, p]) => ({ name, run: p.run }));
}
