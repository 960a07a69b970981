/**
 * The per-page recognizer: scans each chunk, generates candidates and resolves them with
 * page-level state, reusing its buffers across chunks.
 */
import type { CompiledMatcher } from './compile.ts';
import { CorefState, resolveCandidates } from './resolve.ts';
import { scanText } from './scan.ts';
import { TokenBuffer } from './token-buffer.ts';
import type { Mention } from './types.ts';
import { type Candidate, findCandidates, RunBuffer } from './walk.ts';

export class PageRecognizer {
  private readonly tb = new TokenBuffer();
  private readonly rb = new RunBuffer();
  private readonly state: CorefState;

  constructor(private readonly m: CompiledMatcher) {
    this.state = new CorefState(m.entityIds.length);
  }

  feed(text: string): Mention[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    scanText(text, this.tb, this.m);
    const cands: Candidate[] = [];
    findCandidates(this.m, text, this.tb, this.rb, cands);
    if (cands.length === 0) return [];
    return resolveCandidates(this.m, cands, this.state);
  }

  seen(): ReadonlyMap<string, number> {
    const { touched, counts } = this.state;
    return new Map(touched.map((e) => [this.m.entityIds[e]!, counts[e]!]));
  }

  reset(): void {
    this.state.clear();
  }
}
