/**
 * The tray's menu as a template (Electron's MenuItemConstructorOptions shape, without importing
 * Electron): per region the vCPUs now and the alarms in ALARM, month-to-date spend, then Open Onramp,
 * Pause watching (1 hour / until tomorrow / resume) and Quit. Every action is in the menu, because on
 * Linux a click on the icon means different things on different desktops.
 */
import type { WatchSummary } from '../../shared/watch/events';

/** What the tray's items do. */
export interface TrayActions {
  open: () => void;
  pauseHour: () => void;
  pauseUntilTomorrow: () => void;
  resume: () => void;
  quit: () => void;
}

/** One menu item (the subset of Electron's options the tray uses). */
export interface TrayItem {
  label?: string;
  type?: 'separator' | 'normal';
  enabled?: boolean;
  click?: () => void;
  submenu?: TrayItem[];
}

/** What the tray shows. */
export interface TrayView {
  summary: WatchSummary | null;
  watching: boolean;
  pausedUntil: number | null;
}

const time = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** True when the last pass saw an alarm in ALARM. */
export function anyInAlarm(summary: WatchSummary | null): boolean {
  return Boolean(summary?.regions.some((r) => r.inAlarm.length > 0));
}

/** The tooltip: calm, or what is in ALARM. */
export function trayTooltip(view: TrayView): string {
  const alarming = view.summary?.regions.flatMap((r) => r.inAlarm.map((a) => `${a} (${r.region})`)) ?? [];
  if (alarming.length > 0) return `Onramp — in ALARM: ${alarming.join(', ')}`;
  if (!view.watching) return 'Onramp — not watching';
  if (view.pausedUntil !== null) return `Onramp — paused until ${time(view.pausedUntil)}`;
  return 'Onramp — watching';
}

/** The menu template. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): TrayItem[] {
  const info = (label: string): TrayItem => ({ label, enabled: false });
  const items: TrayItem[] = [];
  const s = view.summary;
  if (!s) items.push(info(view.watching ? 'No pass yet' : 'Not watching'));
  for (const r of s?.regions ?? []) {
    items.push(info(`${r.region}: ${r.vcpus === null ? 'no vCPU data' : `${r.vcpus} vCPUs`}`));
    for (const a of r.inAlarm) items.push(info(`   ⚠ ${a} in ALARM`));
  }
  if (s) items.push(info(s.spend ? `Spend ${s.spend.month}: ${s.spend.total} ${s.spend.currency}` : 'Spend: no fresh figure'));
  items.push({ type: 'separator' }, { label: 'Open Onramp', click: actions.open });
  if (view.watching) {
    items.push({
      label: view.pausedUntil !== null ? `Paused until ${time(view.pausedUntil)}` : 'Pause watching',
      submenu: [
        { label: 'For 1 hour', click: actions.pauseHour },
        { label: 'Until tomorrow', click: actions.pauseUntilTomorrow },
        { label: 'Resume', enabled: view.pausedUntil !== null, click: actions.resume },
      ],
    });
  }
  items.push({ type: 'separator' }, { label: 'Quit Onramp', click: actions.quit });
  return items;
}
