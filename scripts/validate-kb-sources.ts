/**
 * Validates every kb/sources/**\/*.json file against the schema and checks that entity ids
 * are unique across files. Usage: npx tsx scripts/validate-kb-sources.ts [files...]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { SourceFileSchema } from '../lib/kb/schema';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
}

const files = process.argv.length > 2 ? process.argv.slice(2) : walk('kb/sources');
const seen = new Map<string, string>();
let errors = 0;
let count = 0;
for (const file of files) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${(e as Error).message}`);
    errors++;
    continue;
  }
  const res = v.safeParse(SourceFileSchema, data);
  if (!res.success) {
    for (const issue of res.issues.slice(0, 20)) {
      console.error(`${file}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    }
    errors++;
    continue;
  }
  for (const e of res.output.entities) {
    count++;
    const prev = seen.get(e.id);
    if (prev) {
      console.error(`${file}: duplicate id ${e.id} (also in ${prev})`);
      errors++;
    }
    seen.set(e.id, file);
    if (e.summary.length > 500) console.error(`${file}: ${e.id} summary is ${e.summary.length} chars (max ~500)`);
  }
}
console.log(`${count} entities in ${files.length} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
