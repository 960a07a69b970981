/**
 * Converts Wikidata entities into a Gloss knowledge pack.
 * Usage: npm run pack:wikidata -- INPUT OUTPUT [--langs en,ru] (see scripts/wikidata/cli.ts).
 */
import { parseArgs, run, USAGE } from './wikidata/cli';

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
run(args, (line) => process.stderr.write(`${line}\n`)).catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
