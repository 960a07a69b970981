/**
 * The content script runs in every page and frame: keep heavy modules (valibot's schemas,
 * idb) out of its bundle, and the card's renderer (Preact), which is injected on first use
 * (card-view.ts). This follows the value imports (not `import type`) from the content
 * entry through the project's own files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'entrypoints', 'page-script.ts');
const FORBIDDEN = ['valibot', 'idb', 'preact'];
const CARD_VIEW = join(ROOT, 'entrypoints', 'card-view.ts');

/** The specifiers a module imports or re-exports at run time. */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) {
    const typeOnly = m[2] !== undefined;
    const clause = m[3] ?? '';
    if (typeOnly) continue;
    // `import { type A, type B } from` erases to nothing under verbatim module syntax rules
    // only when every name is a type; `export` without `from` is not an import at all.
    if (m[1] === 'export' && !/from/.test(m[0])) continue;
    const names = /^\{([^}]*)\}$/.exec(clause.trim());
    if (names && names[1]!.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    out.push(m[4]!);
  }
  return out;
}

function resolveLocal(spec: string, from: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (base === null) return null;
  const clean = base.replace(/\?.*$/, '');
  for (const c of [clean, `${clean}.ts`, `${clean}.tsx`, join(clean, 'index.ts')]) {
    if (existsSync(c) && /\.tsx?$/.test(c)) return c;
  }
  return null;
}

/** Bare package names reachable from the entry, with the file that imports each. */
function reachablePackages(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(spec, file);
      if (local) queue.push(local);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.set(spec.split('/')[0]!, file);
    }
  }
  return packages;
}

describe('content script imports', () => {
  it('reads value imports and skips type-only ones', () => {
    const src = [
      "import type { A } from 'a';",
      "import { type B, type C } from 'b';",
      "import { D, type E } from 'd';",
      "import * as v from 'valibot';",
      "export { F } from './f';",
      "import './side-effect.css';",
    ].join('\n');
    expect(valueImports(src)).toEqual(['d', 'valibot', './f', './side-effect.css']);
  });

  it('never reaches valibot, idb or Preact (the injected card renderer does)', () => {
    expect(reachablePackages(CARD_VIEW).has('preact')).toBe(true);
    const packages = reachablePackages(ENTRY);
    for (const name of FORBIDDEN) expect(packages.get(name), `${name} imported by ${packages.get(name)}`).toBeUndefined();
  });
});
