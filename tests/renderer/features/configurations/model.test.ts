import { describe, expect, it } from 'vitest';
import type { SavedConfiguration } from '../../../../shared/contract/setup';
import { deleteConfirmed, destroySummary, sortConfigurations } from '../../../../renderer/src/features/configurations/model';

describe('configurations model', () => {
  it('confirms deletion only on an exact name match', () => {
    expect(deleteConfirmed('prod', 'prod')).toBe(true);
    expect(deleteConfirmed('prod', 'Prod')).toBe(false);
    expect(deleteConfirmed('prod', 'prod ')).toBe(false);
    expect(deleteConfirmed('prod', '')).toBe(false);
  });

  it('summarises destroy results', () => {
    expect(destroySummary({ deleted: ['policy', 'role', 'table', 'bucket'], kept: [], notes: [], cancelled: false })).toEqual({
      color: 'teal',
      title: 'Deleted 4 resource(s); the configuration is gone.',
    });
    expect(destroySummary({ deleted: ['policy'], kept: [{ resource: 'bucket', reason: 'holds 3 objects' }], notes: [], cancelled: false }).color).toBe('orange');
  });

  it('sorts newest first', () => {
    const c = (name: string, createdAt: string) => ({ name, createdAt }) as SavedConfiguration;
    expect(sortConfigurations([c('a', '2024-01-01'), c('b', '2025-01-01')]).map((x) => x.name)).toEqual(['b', 'a']);
  });
});
