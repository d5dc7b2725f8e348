import type { CatalogDiff, PriceChange } from '../catalog/diff.js';
import { formatUsd } from '../core/money.js';
import type { UpdateResult } from '../cli/commands/catalog-update.js';

/** `catalog update` and `catalog diff` as text: what was fetched and what changed. */

const SHOWN = 25;

const PRICE_NAMES: Record<PriceChange['price'], string> = {
  input: 'input',
  output: 'output',
  cacheRead: 'cached input',
  cacheWrite: 'cache write',
  batchInput: 'batch input',
  batchOutput: 'batch output',
  perSearch: 'per search',
  perRequest: 'per request',
};

/** "gpt-5.6-sol input $5.00 → $4.00 (genai-prices, 2026-08-21)"; a host's offer names the host. */
export function priceChangeLine(c: PriceChange): string {
  const money = (v: number | null) => (v === null ? 'unknown' : formatUsd(v));
  const who = c.reference ? c.model : `${c.model} on ${c.provider}`;
  let [from, to] = [money(c.from), money(c.to)];
  // A change smaller than a cent would read "$1.00 → $1.00": show the digits that differ.
  if (from === to && c.from !== null && c.to !== null) [from, to] = [`$${Number(c.from.toPrecision(8))}`, `$${Number(c.to.toPrecision(8))}`];
  return `${who} ${PRICE_NAMES[c.price]} ${from} → ${to} (${c.source}, ${c.asOf})`;
}

function list<T>(items: T[], line: (t: T) => string, limit = SHOWN): string[] {
  const out = items.slice(0, limit).map((t) => `  ${line(t)}`);
  if (items.length > limit) out.push(`  ... and ${items.length - limit} more (--json lists all)`);
  return out;
}

export function renderDiff(d: CatalogDiff, previous: UpdateResult['previous'], updatedAt: string): string {
  const out: string[] = [];
  out.push(
    `Changes from the ${previous.kind} catalog${previous.builtAt ? ` (built ${previous.builtAt})` : ''} to the update of ${updatedAt.slice(0, 16).replace('T', ' ')} UTC`,
  );
  out.push(
    `  models ${d.models.before} → ${d.models.after} (${d.models.added.length} new, ${d.models.removed.length} gone); offers ${d.offers.before} → ${d.offers.after} (${d.offers.added.length} new, ${d.offers.removed.length} gone); ${d.priceChanges.length} price changes`,
  );
  const makers = d.priceChanges.filter((c) => c.reference);
  const hosts = d.priceChanges.filter((c) => !c.reference);
  if (makers.length) out.push('', "Price changes, makers' own offers", ...list(makers, priceChangeLine));
  if (hosts.length) out.push('', 'Price changes, other offers', ...list(hosts, priceChangeLine, 10));
  if (d.lifecycle.length)
    out.push(
      '',
      'Life cycle',
      ...list(
        d.lifecycle,
        (l) =>
          `${l.model} ${l.from} → ${l.to}${l.shutdownOn ? ` (shutdown ${l.shutdownOn})` : ''}${l.successor ? `, successor ${l.successor}` : ''}`,
      ),
    );
  if (d.models.added.length) out.push('', 'New models', ...list(d.models.added, (id) => id));
  if (d.models.removed.length) out.push('', 'Models no longer listed', ...list(d.models.removed, (id) => id));
  if (
    d.priceChanges.length +
      d.lifecycle.length +
      d.models.added.length +
      d.models.removed.length +
      d.offers.added.length +
      d.offers.removed.length ===
    0
  )
    out.push('  nothing changed');
  return out.join('\n');
}

export function renderUpdate(u: UpdateResult): string {
  const out: string[] = [`Updated the catalog: ${u.catalog}`];
  for (const s of u.sources)
    out.push(
      `  ${s.id}: ${s.status === 'not-modified' ? 'unchanged since the last update (304 Not Modified)' : s.status === 'file' ? 'read from the file' : 'downloaded'}, ${s.models} models, ${s.offers} offers (${s.url})`,
    );
  out.push(
    `  ${u.models} models, ${u.offers} offers; every command now reads this catalog (--bundled, or catalog reset, for the bundled one)`,
    '',
  );
  out.push(renderDiff(u.changes, u.previous, u.updatedAt));
  return out.join('\n');
}
