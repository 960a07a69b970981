/**
 * The 50 US states, written by hand. They are in the pack mainly as guards: without them
 * "New Mexico" would light up Mexico and "New Jersey" the island of Jersey, and "Georgia" or
 * "Washington" need a rival with a lower priority so the country / the capital wins.
 */
import type { EntityInput } from '../../lib/kb/schema';

const STATES: ReadonlyArray<readonly [string, string]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'],
  ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'],
  ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'],
  ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
  ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
];

/** US postal code → state name (used for the "admin region" of US cities). */
export const US_STATE_NAMES: ReadonlyMap<string, string> = new Map(STATES);

/** Priorities below the default so the country Georgia and the capital Washington win. */
const PRIORITY: Readonly<Record<string, number>> = { GA: -1, WA: 0, NY: 0 };

/** The state entities, with "New York State"-style forms for the two that share a city name. */
export function buildUsStates(usId: string): EntityInput[] {
  return STATES.map(([code, name]) => {
    const shared = code === 'NY' || code === 'WA';
    return {
      id: `iso:us-${code.toLowerCase()}`,
      category: 'place',
      name: shared ? `${name} (state)` : name,
      description: 'State of the United States',
      summary: '',
      facts: [{ label: 'Postal code', value: code }],
      aliases: [
        { text: name, lang: 'en', case: 'exact', kind: shared ? 'short' : 'name' },
        ...(shared
          ? (['State', 'state'] as const).map((s) => ({ text: `${name} ${s}`, lang: 'en', case: 'exact' as const, kind: 'name' as const }))
          : []),
      ],
      related: [usId],
      sources: [{ title: `ISO 3166-2: US-${code}`, url: `https://www.iso.org/obp/ui/#iso:code:3166:US` }],
      priority: PRIORITY[code] ?? 0,
    };
  });
}
