/**
 * Card data for the entities on the page, fetched from the background in batches as soon as
 * they are found, so a card can render in the same frame its dwell timer fires.
 */
import type { Entity } from '@/lib/kb/schema';

const BATCH = 200;

export class CardCache {
  private readonly cards = new Map<string, Entity>();
  /** Ids asked for and not known to the background: not asked again. */
  private readonly missing = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly fetchCards: (ids: string[]) => Promise<Entity[]>) {}

  get(id: string): Entity | undefined {
    return this.cards.get(id);
  }

  /** Fetches the cards not cached yet; resolves when all asked-for ids are settled. */
  async load(ids: Iterable<string>): Promise<void> {
    const want: string[] = [];
    const waits: Promise<void>[] = [];
    for (const id of new Set(ids)) {
      if (this.cards.has(id) || this.missing.has(id)) continue;
      const p = this.inFlight.get(id);
      if (p) waits.push(p);
      else want.push(id);
    }
    for (let i = 0; i < want.length; i += BATCH) {
      const batch = want.slice(i, i + BATCH);
      const p = this.fetchCards(batch).then(
        (cards) => {
          for (const c of cards) this.cards.set(c.id, c);
          for (const id of batch) if (!this.cards.has(id)) this.missing.add(id);
        },
        () => undefined, // a failed fetch may be retried on the next hover
      );
      const settled = p.finally(() => {
        for (const id of batch) this.inFlight.delete(id);
      });
      for (const id of batch) this.inFlight.set(id, settled);
      waits.push(settled);
    }
    await Promise.all(waits);
  }

  /** The card for one id, fetching it if needed. */
  async ensure(id: string): Promise<Entity | undefined> {
    if (!this.cards.has(id)) await this.load([id]);
    return this.cards.get(id);
  }

  /** Related entries as display names: known ids become names, plain names stay. */
  relatedNames(entity: Entity): string[] {
    const out: string[] = [];
    for (const r of entity.related) {
      const known = this.cards.get(r);
      if (known) out.push(known.name);
      else if (!looksLikeId(r)) out.push(r);
    }
    return out;
  }
}

/** Entity ids are QIDs or prefix:slug; anything else in `related` is a plain name. */
export function looksLikeId(s: string): boolean {
  return /^(Q\d+|[a-z][a-z0-9-]*:[a-z0-9][a-z0-9-]*)$/.test(s);
}
