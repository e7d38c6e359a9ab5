import { classHash, DEFAULT_WEIGHTS, validateClass, type ClassFile, type RoundDecision, type ScoreKey, type ShockKind } from '../../classroom/class-file';
import { parFigures, sealLog, verifyLog, type LoggedRound, type TeamLog, type Verdict } from '../../classroom/log';
import { baselineRecords, leverUnitCosts, score, TeamRunner, type RoundFigures } from '../../classroom/play';
import type { RunRecord } from '../../sim';
import { decodeShare, encodeShare } from '../lib/share';

/** The query parameter of a class link: `?class=<deflate-raw, base64url>#/class`. */
export const CLASS_PARAM = 'class';

/** What every team of a class shares, computed once: the do-nothing baseline, the par plan, the levers' unit costs. */
export interface ClassContext {
  cls: ClassFile;
  hash: string;
  base: RunRecord[];
  par: RoundFigures[];
  unitCosts: number[];
}

export function classContext(cls: ClassFile): ClassContext {
  const base = baselineRecords(cls);
  return { cls, hash: classHash(cls), base, par: parFigures(cls, base), unitCosts: leverUnitCosts(cls) };
}

/** One team playing (several on one screen in hot-seat mode). */
export class TeamPlay {
  readonly runner: TeamRunner;
  rounds = $state<LoggedRound[]>([]);
  draft = $state<number[]>([]);
  rationale = $state('');
  constructor(
    readonly ctx: ClassContext,
    readonly name: string,
  ) {
    this.runner = new TeamRunner(ctx.cls, ctx.base);
    this.draft = ctx.cls.levers.map((l) => l.default);
  }
  get done(): boolean {
    return this.rounds.length >= this.ctx.cls.rounds;
  }
  /** Run the next round with the draft levers and rationale; logs it. */
  play(): LoggedRound {
    const k = this.rounds.length;
    const levers: RoundDecision = this.draft.slice();
    const figures = this.runner.play(levers);
    const r: LoggedRound = { round: k, levers, rationale: this.rationale.trim(), figures, score: score(this.ctx.cls, figures, this.ctx.par[k]!).total };
    this.rounds = [...this.rounds, r];
    this.rationale = '';
    return r;
  }
  log(): TeamLog {
    return sealLog(this.ctx.cls, this.name, $state.snapshot(this.rounds) as LoggedRound[]);
  }
}

/** Read a class from a file's text or a link's JSON; the errors with their paths. */
export function parseClass(text: string): { ok: true; cls: ClassFile } | { ok: false; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
  const r = validateClass(value);
  return r.ok ? r : { ok: false, detail: r.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ') };
}

export async function classLink(cls: ClassFile, base: string): Promise<string> {
  // The page's address without its own query (?debug, an old class) or hash: the link carries the class alone.
  const u = new URL(base);
  u.search = '';
  u.searchParams.set(CLASS_PARAM, await encodeShare(JSON.stringify(cls)));
  u.hash = '#/class';
  return u.toString();
}

export async function classFromSearch(search: string): Promise<string | null> {
  const data = new URLSearchParams(search).get(CLASS_PARAM);
  return data ? decodeShare(data) : null;
}

/** Verify team logs (file texts) against a class: one verdict each. */
export function verifyAll(ctx: ClassContext, texts: readonly string[]): Verdict[] {
  return texts.map((text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { team: '?', status: 'invalid' as const, reasons: ['not JSON'] };
    }
    return verifyLog(ctx.cls, value, ctx.base, ctx.par);
  });
}

/** The page's classroom state (one class open at a time). */
export class Classroom {
  ctx = $state.raw<ClassContext | null>(null);
  teams = $state<TeamPlay[]>([]);
  active = $state(0);
  error = $state<string | null>(null);
  verdicts = $state.raw<Verdict[]>([]);
  open(cls: ClassFile): void {
    this.ctx = classContext(cls);
    this.teams = [];
    this.active = 0;
    this.error = null;
    this.verdicts = [];
  }
  addTeam(name: string): void {
    if (!this.ctx) return;
    this.teams = [...this.teams, new TeamPlay(this.ctx, name)];
    this.active = this.teams.length - 1;
  }
}

export const classroom = new Classroom();

/** The trainer's class form, kept while the page lives (switching tabs does not reset it). */
export const buildForm = $state({
  presetId: '',
  leversOf: '',
  title: '',
  rounds: 4,
  roundDays: 30,
  budget: 300_000,
  runs: 8,
  agents: 4000,
  levers: [] as string[],
  weights: { ...DEFAULT_WEIGHTS } as Record<ScoreKey, number>,
  shockKind: '' as ShockKind | '',
  shockRound: 2,
  shockStrength: 0.3,
});
