/**
 * Place names that are also everyday English words, given names, surnames or brands. A city
 * (or a foreign-language country name) whose only form is one of these would light up the
 * wrong thing far more often than the right one, so the build drops those forms.
 * Compared with formKey(…, true), so "Malé" and "Male" are both caught.
 */
const WORDS = [
  // everyday English words that are also place names
  'Mobile', 'Reading', 'Nice', 'Split', 'Male', 'Bath', 'Police', 'Hope', 'Sale', 'Best', 'Of',
  'Orange', 'Van', 'Batman', 'Surprise', 'Independence', 'Concord', 'Temple', 'Bar',
  'Deal', 'Wells', 'Street', 'Normal', 'Ware', 'Battle', 'Buffalo', 'Cork', 'Mesa', 'Gap',
  'Union', 'Liberty', 'Commerce', 'Enterprise', 'Opportunity', 'Paradise', 'Friendship',
  'Resistencia', 'Posadas', 'Marion', 'Kent', 'Spring', 'Lens',
  'The Valley', 'Cayenne', 'Plymouth', 'Grytviken', 'Mansfield', 'Waterloo', 'Dali', 'Leon',
  'Asia', 'Europa', 'America', 'Africa', 'Chili', 'Granada', 'Salvador', 'Oral', 'Saga', 'Bata',
  'Mascara', 'Queens', 'Bo', 'Island', 'Grenade', 'Guadalupe', 'Mauricio',
  // given names and surnames that are also city names
  'Victoria', 'Florence', 'Charlotte', 'Lincoln', 'Jackson', 'Madison', 'Hamilton', 'Regina',
  'Douglas', 'Stanley', 'Austin', 'Eugene', 'Nancy', 'Laval', 'Aurora', 'Orlando', 'Marietta',
  'Irving', 'Clinton', 'Franklin', 'Warren', 'Jefferson', 'Monroe', 'Milton', 'Chester',
  'Georgetown', 'George Town', 'Jamestown', 'Maurice', 'Dominique',
  'Alexander', 'Elizabeth', 'Carmen', 'Rosario', 'Mendoza', 'Pereira', 'Santa', 'Maria',
  'Marie', 'Helena', 'Augusta', 'Beatrice', 'Carolina', 'Montgomery',
] as const;

const KEYS: ReadonlySet<string> = new Set(WORDS.map((w) => fold(w)));

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .trim();
}

/** True when a form is on the stop list (case and diacritics ignored). */
export function isStopWord(text: string): boolean {
  return KEYS.has(fold(text));
}
