import { parse } from 'valibot';
import { EntitySchema, type Entity, type EntityInput } from '../lib/kb/schema';
import { evaluateCoverage, loadCoverageSet, loadKbEntities, summarize, type CoverageDoc } from './kb-coverage';

function entity(input: Omit<EntityInput, 'description'>): Entity {
  return parse(EntitySchema, { description: 'test', ...input });
}

describe('coverage scoring', () => {
  const kb = [
    entity({ id: 'gloss:kyiv', category: 'place', name: 'Kyiv', aliases: [{ text: 'Kyiv', lang: 'en' }] }),
    entity({ id: 'gloss:georgia-country', category: 'place', name: 'Georgia', aliases: [{ text: 'Georgia', lang: 'en' }], priority: 5 }),
    entity({ id: 'gloss:kim-jong-un', category: 'person', name: 'Kim Jong Un', aliases: [{ text: 'Kim Jong Un', lang: 'en' }, { text: 'Kim', lang: 'en', kind: 'surname' }] }),
  ];
  const doc: CoverageDoc = {
    file: 't.json',
    title: 't',
    text: 'Kim Jong Un spoke in Kyiv. Kim then flew to Georgia and Tbilisi, and back to Kyiv.',
    expected: [
      { surface: 'Kim Jong Un', name: 'Kim Jong Un', category: 'person' },
      { surface: 'Kim', name: 'Kim Jong Un', category: 'person' },
      { surface: 'Kyiv', occurrence: 2, name: 'Kyiv', category: 'place' },
      { surface: 'Georgia', id: 'gloss:georgia-state', category: 'place' },
      { surface: 'Tbilisi', name: 'Tbilisi', category: 'place' },
    ],
  };

  it('counts hits, wrong entities and entities missing from the knowledge base', () => {
    const [r] = evaluateCoverage(kb, [doc]);
    expect(r!.hits).toBe(3);
    expect(r!.wrong.map((f) => f.surface)).toEqual(['Georgia']);
    expect(r!.misses).toEqual([{ surface: 'Tbilisi', want: 'Tbilisi', reason: 'not-in-kb' }]);
    expect(summarize([r!]).recall).toBeCloseTo(3 / 5);
  });

  it('lists mentions of unlabelled entities and flags a label whose occurrence does not exist', () => {
    const extra: CoverageDoc = { ...doc, expected: [{ surface: 'Kyiv', occurrence: 3, name: 'Kyiv', category: 'place' }] };
    const [r] = evaluateCoverage(kb, [extra]);
    expect(r!.misses[0]!.reason).toBe('bad-label');
    expect(r!.unexpected.map((f) => f.surface)).toEqual(['Kim Jong Un', 'Kim', 'Georgia']);
  });

  it('keeps a known issue apart from errors until it is fixed', () => {
    const known: CoverageDoc = { ...doc, expected: [{ surface: 'Georgia', id: 'gloss:georgia-state', category: 'place', knownIssue: 'x' }] };
    const [r] = evaluateCoverage(kb, [known]);
    expect(r!.wrong).toEqual([]);
    expect(r!.known).toHaveLength(1);
    const fixed: CoverageDoc = { ...doc, expected: [{ surface: 'Kyiv', name: 'Kyiv', category: 'place', knownIssue: 'x' }] };
    expect(evaluateCoverage(kb, [fixed])[0]!.staleKnown).toEqual(['Kyiv']);
  });
});

describe('knowledge-base breadth on the coverage set (kb/coverage)', () => {
  const docs = loadCoverageSet();
  const reports = evaluateCoverage(loadKbEntities(), docs);
  const total = summarize(reports);

  it('has a realistic set of labelled texts', () => {
    expect(docs.length).toBeGreaterThanOrEqual(16);
    expect(total.expected).toBeGreaterThan(400);
    expect(reports.flatMap((r) => r.misses).filter((f) => f.reason === 'bad-label')).toEqual([]);
  });

  it('recognizes at least 90% of the labelled mentions', () => {
    expect(total.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never resolves a labelled mention to the wrong entity', () => {
    expect(reports.flatMap((r) => r.wrong.map((f) => `${r.file}: ${f.surface} -> ${f.got}`))).toEqual([]);
  });

  it('has no known-issue markers left on labels that now pass', () => {
    expect(reports.flatMap((r) => r.staleKnown)).toEqual([]);
  });
});
