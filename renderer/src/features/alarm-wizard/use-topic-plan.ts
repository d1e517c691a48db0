import { useEffect, useState } from 'react';
import type { SubscriptionSummary, TopicLookup } from '../../../../shared/contract/topics';
import type { AppErrorShape } from '../../../../shared/errors';
import { validateTopicName } from '../../../../shared/validation/names';
import { api, call } from '../../api';
import { historyRegion, type AlarmForm } from './form';
import { topicPlanView, type TopicPlanView } from './preview';

/** What the wizard knows about the chosen topic before creating: per-region lookups of a new name, or an existing topic's subscriptions. */
export interface TopicPlanState {
  plan: TopicPlanView;
  /** Per region, for a new topic name (null until answered). */
  lookups: TopicLookup[] | null;
  /** An existing topic's subscriptions (null until answered). */
  subscriptions: SubscriptionSummary[] | null;
  loading: boolean;
  error: AppErrorShape | null;
  /** Replace one subscription after a resend. */
  updateSubscription: (sub: SubscriptionSummary) => void;
}

/**
 * Look the topic up while the user chooses it: a new name in every chosen region (after a pause in
 * typing), so a name another topic already has is shown before anything is created; an existing
 * topic's subscriptions.
 */
export function useTopicPlan(form: AlarmForm): TopicPlanState {
  const [lookups, setLookups] = useState<TopicLookup[] | null>(null);
  const [subscriptions, setSubscriptions] = useState<SubscriptionSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const name = form.newTopicName.trim();
  const regionsKey = form.regions.join(',');
  const lookupWanted = form.topicMode === 'new' && name !== '' && validateTopicName(name) === null && form.regions.length > 0;

  useEffect(() => {
    setLookups(null);
    setError(null);
    if (!lookupWanted) return;
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      void call(() => api().topics.lookup({ regions: form.regions, name })).then((r) => {
        if (!live) return;
        setLoading(false);
        if (r.ok) setLookups(r.value);
        else setError(r.error);
      });
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // regionsKey stands for form.regions.
  }, [lookupWanted, name, regionsKey]);

  const region = historyRegion(form);
  useEffect(() => {
    setSubscriptions(null);
    if (form.topicMode !== 'existing' || !form.topicArn) return;
    let live = true;
    setLoading(true);
    void call(() => api().topics.subscriptions({ region, topicArn: form.topicArn })).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) setSubscriptions(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [region, form.topicMode, form.topicArn]);

  return {
    plan: topicPlanView(form, lookups, subscriptions),
    lookups,
    subscriptions,
    loading,
    error,
    updateSubscription: (sub) => setSubscriptions((s) => s?.map((x) => (x.endpoint === sub.endpoint ? sub : x)) ?? null),
  };
}
