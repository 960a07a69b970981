/**
 * Compiles the knowledge base into public/kb/ (run by `npm run kb`, and before every build).
 * Fails with a message naming the file and entity when a curated source is invalid.
 */
import { fileURLToPath } from 'node:url';
import { buildKb } from './kb/build';
import { KbBuildError } from './kb/compile';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  buildKb({ sourcesDir: `${root}kb/sources`, outDir: `${root}public/kb` });
} catch (e) {
  if (e instanceof KbBuildError) {
    console.error(`kb: build failed\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
