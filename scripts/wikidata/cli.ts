/** Command-line parsing and the run itself for scripts/wikidata-pack.ts. */
import { CATEGORIES, type Category } from '../../lib/kb/schema';
import { validatePack } from '../../lib/kb/packs';
import { convertCandidates, convertEntities, type ConvertOptions, type ConvertStats } from './convert';
import { detectInput, entitiesOfDocument, readDocument, readDump } from './input';
import { candidatesFromSparql, isSparqlResult } from './sparql';
import { writePack } from './write';

export const USAGE = `Usage: npm run pack:wikidata -- INPUT OUTPUT [options]

INPUT   a Wikidata JSON dump (.json or .json.gz, one entity per line), a SPARQL JSON
        result from query.wikidata.org, or a Special:EntityData JSON document
OUTPUT  the pack to write: .json, or .jsonl for JSON Lines

Options:
  --langs en,ru,uk     label/alias languages, in order of preference (default: en)
  --id ID              pack id (default: wikidata)
  --name NAME          pack name (default: "Wikidata import")
  --version V          pack version (default: today's date)
  --description TEXT   pack description
  --class QID=CAT      map a Wikidata class to a category (repeatable); CAT is one of
                       ${CATEGORIES.join(', ')}
`;

export interface CliArgs {
  input: string;
  output: string;
  options: ConvertOptions;
}

/** Parses argv (without node and script); throws an Error with a usage hint on mistakes. */
export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const options: ConvertOptions = { langs: ['en'], pack: { id: 'wikidata', name: 'Wikidata import', version: today } };
  const classes = new Map<string, Category>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--langs') options.langs = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--id') options.pack.id = value();
    else if (arg === '--name') options.pack.name = value();
    else if (arg === '--version') options.pack.version = value();
    else if (arg === '--description') options.pack.description = value();
    else if (arg === '--class') {
      const m = /^(Q\d+)=(\w+)$/.exec(value());
      if (!m || !(CATEGORIES as readonly string[]).includes(m[2]!)) throw new Error(`--class wants QID=category, e.g. Q1186981=weapon`);
      classes.set(m[1]!, m[2] as Category);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new Error('expected INPUT and OUTPUT');
  if (!options.langs.length || options.langs.some((l) => !/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(l))) throw new Error('--langs wants codes like en,ru,uk');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(options.pack.id)) throw new Error('--id must be lowercase letters, digits and dashes');
  if (classes.size) options.classes = classes;
  return { input: positional[0]!, output: positional[1]!, options };
}

/** Converts INPUT to OUTPUT, logging progress and a summary through `log` (stderr). */
export async function run(args: CliArgs, log: (line: string) => void): Promise<ConvertStats> {
  const kind = await detectInput(args.input);
  let result;
  if (kind === 'dump') {
    let pass = 0;
    let last = 0;
    let bad = 0;
    const source = () => {
      pass++;
      return readDump(args.input, {
        onProgress: ({ bytes, total }) => {
          if (Date.now() - last < 2000) return;
          last = Date.now();
          log(`pass ${pass}: ${((100 * bytes) / total).toFixed(0)}% of ${(total / 1e6).toFixed(0)} MB`);
        },
        onBadLine: (line, msg) => {
          if (++bad <= 5) log(`line ${line}: skipped, not JSON (${msg})`);
        },
      });
    };
    result = await convertEntities(source, args.options);
  } else {
    const doc = await readDocument(args.input);
    if (isSparqlResult(doc)) {
      result = convertCandidates(candidatesFromSparql(doc, args.options.langs, args.options.pack.version), args.options);
    } else {
      const entities = entitiesOfDocument(doc);
      if (!entities) throw new Error('INPUT is neither a Wikidata dump, a SPARQL JSON result nor an EntityData document');
      result = await convertEntities(async function* () {
        yield* entities;
      }, args.options);
    }
  }
  const { pack, stats } = result;
  summarize(stats, pack.entities.length, log);
  // Gloss would refuse an over-limit pack; say so now rather than at import time.
  validatePack(pack);
  await writePack(pack, args.output);
  log(`wrote ${args.output}`);
  return stats;
}

function summarize(stats: ConvertStats, written: number, log: (line: string) => void): void {
  const cats = Object.entries(stats.byCategory).map(([c, n]) => `${c} ${n}`).join(', ');
  log(`read ${stats.read} entities; converted ${written} (${cats})`);
  log(`skipped: ${stats.noLabel} without a label in the chosen languages, ${stats.unknownClass} of unknown class`);
  const top = [...stats.unknownClasses].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (top.length) log(`most common unknown classes (add with --class QID=category): ${top.map(([q, n]) => `${q} ×${n}`).join(', ')}`);
  if (stats.unresolvedFacts) log(`${stats.unresolvedFacts} facts name items missing from the input (include positions and countries to resolve them)`);
  for (const msg of stats.invalid.slice(0, 10)) log(`invalid, left out: ${msg}`);
}
