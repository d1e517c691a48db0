/** The tag every resource Onramp creates carries; destroy and the orphan sweep look for it. */
export const MANAGED_BY_TAG = { key: 'managed-by', value: 'onramp' } as const;
/** The tag naming the Cloud Configuration a resource belongs to. */
export const CONFIGURATION_TAG_KEY = 'onramp:configuration';

/** Tags for a resource of the named configuration. */
export function onrampTags(configurationName: string): { Key: string; Value: string }[] {
  return [
    { Key: MANAGED_BY_TAG.key, Value: MANAGED_BY_TAG.value },
    { Key: CONFIGURATION_TAG_KEY, Value: configurationName },
  ];
}

/** True when a tag list marks the resource as created by Onramp for this configuration. */
export function isOwnedBy(tags: Record<string, string>, configurationName: string): boolean {
  return tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value && tags[CONFIGURATION_TAG_KEY] === configurationName;
}

/** Turn an SDK tag list into a map. */
export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? '']));
}
