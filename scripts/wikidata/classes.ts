/**
 * Wikidata classes (values of P31 "instance of" / P279 "subclass of") mapped to Gloss
 * categories. Each QID's label was checked against a second source; extend the table from
 * the command line with `--class Q123=weapon` rather than guessing here.
 */
import type { Category } from '../../lib/kb/schema';

export const CLASS_CATEGORIES: ReadonlyMap<string, Category> = new Map<string, Category>([
  // person
  ['Q5', 'person'], // human
  // place
  ['Q6256', 'place'], // country
  ['Q3624078', 'place'], // sovereign state
  ['Q3024240', 'place'], // historical country
  ['Q7275', 'place'], // state
  ['Q515', 'place'], // city
  ['Q1549591', 'place'], // big city
  ['Q5119', 'place'], // capital
  ['Q486972', 'place'], // human settlement
  ['Q3957', 'place'], // town
  ['Q532', 'place'], // village
  ['Q56061', 'place'], // administrative territorial entity
  ['Q23442', 'place'], // island
  ['Q8502', 'place'], // mountain
  ['Q4022', 'place'], // river
  // organization
  ['Q43229', 'organization'], // organization
  ['Q4830453', 'organization'], // business
  ['Q783794', 'organization'], // company
  ['Q891723', 'organization'], // public company
  ['Q6881511', 'organization'], // enterprise
  ['Q7210356', 'organization'], // political organization
  ['Q7278', 'organization'], // political party
  ['Q327333', 'organization'], // government agency
  ['Q245065', 'organization'], // intergovernmental organization
  ['Q484652', 'organization'], // international organization
  ['Q1127126', 'organization'], // military alliance
  ['Q17127659', 'organization'], // terrorist organization
  ['Q79913', 'organization'], // non-governmental organization
  ['Q163740', 'organization'], // nonprofit organization
  ['Q15911314', 'organization'], // association
  // weapon
  ['Q728', 'weapon'], // weapon
  ['Q12796', 'weapon'], // firearm
  ['Q484000', 'weapon'], // unmanned aerial vehicle
  ['Q216916', 'weapon'], // military aircraft
  ['Q3114762', 'weapon'], // warship
  ['Q17205', 'weapon'], // aircraft carrier
  ['Q1186981', 'weapon'], // supercarrier
  // event
  ['Q1190554', 'event'], // occurrence
  ['Q1656682', 'event'], // event
  ['Q198', 'event'], // war
  ['Q178561', 'event'], // battle
  ['Q188055', 'event'], // siege
  ['Q645883', 'event'], // military operation
  ['Q350604', 'event'], // armed conflict
  ['Q180684', 'event'], // conflict
  ['Q45382', 'event'], // coup d'état
  ['Q10931', 'event'], // revolution
  ['Q124734', 'event'], // rebellion
  ['Q3882219', 'event'], // assassination
  ['Q124757', 'event'], // riot
  ['Q273120', 'event'], // protest
  ['Q40231', 'event'], // public election
  ['Q131569', 'event'], // treaty
  ['Q625298', 'event'], // peace treaty
  ['Q8065', 'event'], // natural disaster
  ['Q3839081', 'event'], // disaster
]);

/** Broad classes lose to specific ones met at the same distance ("occurrence" vs "battle"). */
const BROAD = new Set(['Q1190554', 'Q1656682', 'Q43229', 'Q56061', 'Q486972', 'Q728']);

/**
 * The category of an item from its P31 and P279 values, walking up P279 edges known from
 * the input (`parents`) breadth-first, at most `maxDepth` steps. P31 values are tried before
 * the item's own P279 values; at one distance a specific class beats a broad one.
 */
export function classify(
  p31: readonly string[],
  p279: readonly string[],
  table: ReadonlyMap<string, Category>,
  parents: ReadonlyMap<string, readonly string[]> = new Map(),
  maxDepth = 6,
): Category | undefined {
  for (const start of [p31, p279]) {
    let level = [...start];
    const seen = new Set(level);
    for (let depth = 0; depth <= maxDepth && level.length; depth++) {
      const hits = level.filter((q) => table.has(q));
      const best = hits.find((q) => !BROAD.has(q)) ?? hits[0];
      if (best) return table.get(best);
      level = level.flatMap((q) => parents.get(q) ?? []).filter((q) => !seen.has(q) && (seen.add(q), true));
    }
  }
  return undefined;
}
