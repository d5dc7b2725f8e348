import { describe, expect, it } from 'vitest';
import { priceChangeLine } from '../../src/render/diff.js';

describe('catalog diff lines', () => {
  const change = (from: number | null, to: number | null) =>
    ({ model: 'gpt-x', provider: 'openai', reference: true, price: 'input', from, to, source: 'genai-prices', asOf: '2026-08-21' }) as const;

  it('reads as the issue writes it', () => {
    expect(priceChangeLine(change(5, 4))).toBe('gpt-x input $5.00 → $4.00 (genai-prices, 2026-08-21)');
    expect(priceChangeLine(change(null, 0.15))).toBe('gpt-x input unknown → $0.15 (genai-prices, 2026-08-21)');
  });

  it('a change smaller than a cent shows the digits that differ, never "$1.00 → $1.00"', () => {
    expect(priceChangeLine(change(1, 1.0004))).toBe('gpt-x input $1 → $1.0004 (genai-prices, 2026-08-21)');
  });
});
