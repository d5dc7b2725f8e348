import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../../src/catalog/schema.js';
import { lifecycleMessage, offerRetired, stateOf } from '../../src/core/lifecycle.js';

const rec = (l: Partial<Lifecycle>): Lifecycle => ({ status: 'active', source: 'https://maker.example/deprecations', confidence: 'maker', ...l });

describe('stateOf: the state on a given day follows from the dated record', () => {
  it.each([
    // [record, day, state]
    [rec({ status: 'deprecated', deprecatedOn: '2026-04-22', shutdownOn: '2026-10-23' }), '2026-06-01', 'deprecated'],
    [rec({ status: 'deprecated', deprecatedOn: '2026-04-22', shutdownOn: '2026-10-23' }), '2026-10-23', 'retired'],
    [rec({ status: 'deprecated', deprecatedOn: '2026-04-22', shutdownOn: '2026-10-23' }), '2026-03-01', 'active'],
    // A retirement recorded with a date still ahead is, on that day, an announcement.
    [rec({ status: 'retired', shutdownOn: '2027-01-14' }), '2026-12-02', 'deprecated'],
    [rec({ status: 'retired' }), '2020-01-01', 'retired'],
    [rec({ status: 'preview' }), '2026-12-02', 'preview'],
    [rec({ status: 'active', shutdownOn: '2027-05' }), '2027-05-01', 'retired'],
    [rec({ status: 'active', shutdownOn: '2027-05' }), '2027-04-30', 'active'],
  ] as const)('%o on %s is %s', (r, day, state) => expect(stateOf(r, day).state).toBe(state));

  it('reads the legacy boolean as deprecated without dates, and no record as active (unsourced)', () => {
    expect(stateOf(undefined, '2026-12-02', true)).toMatchObject({ state: 'deprecated', known: true });
    expect(stateOf(undefined, '2026-12-02')).toEqual({ state: 'active', known: false });
  });
});

describe('offerRetired: a host retiring its route is a state of that offer', () => {
  it('is true only once the host has stopped serving it', () => {
    const o = { lifecycle: rec({ status: 'deprecated', shutdownOn: '2026-10-21', confidence: 'third-party' }) };
    expect(offerRetired(o, '2026-10-20')).toBe(false);
    expect(offerRetired(o, '2026-10-21')).toBe(true);
    expect(offerRetired({}, '2030-01-01')).toBe(false);
  });
});

describe('lifecycleMessage', () => {
  const m = { id: 'mistral-small-2503', name: 'Mistral Small 3.1' };
  it('names the date, who says so, the successor and the source', () => {
    const text = lifecycleMessage(
      { ...m, lifecycle: rec({ status: 'retired', shutdownOn: '2025-11-30', successor: 'mistral-small-2603', asOf: '2025-11-06' }) },
      '2026-12-02',
      'Mistral Small 4',
    )!;
    expect(text).toContain('retired: no longer served since 2025-11-30 (per its maker)');
    expect(text).toContain('successor: Mistral Small 4 (mistral-small-2603)');
    expect(text).toContain('Source: https://maker.example/deprecations, 2025-11-06');
  });

  it('says when only a third party reports it, and when the successor is not in the catalog', () => {
    const text = lifecycleMessage(
      { ...m, lifecycle: rec({ status: 'deprecated', shutdownOn: '2027-01-14', successor: 'gpt-6-luna', confidence: 'third-party' }) },
      '2026-12-02',
      undefined,
      false,
    )!;
    expect(text).toContain('shuts down on 2027-01-14 (reported by a third party');
    expect(text).toContain('gpt-6-luna (not in this catalog yet)');
  });

  it('says nothing of an active or preview model', () => {
    expect(lifecycleMessage({ ...m, lifecycle: rec({ status: 'preview' }) }, '2026-12-02')).toBeUndefined();
    expect(lifecycleMessage(m, '2026-12-02')).toBeUndefined();
  });
});
