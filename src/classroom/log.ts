import { fnv64 } from '../lib/hash';
import { classHash, decisionErrors, type ClassFile, type RoundDecision } from './class-file';
import { parDecisions, replay, score, type RoundFigures } from './play';
import type { RunRecord } from '../sim';

/**
 * A team's decision log: its name, and per round the lever values, a one-line rationale and the figures the team saw.
 * It is sealed with a hash over the class and the log, so a file edited by hand is told apart; and the trainer's view
 * never trusts the recorded figures: it replays the decisions and flags a log whose figures differ from the replay.
 */

export const LOG_FORMAT = 'star-sandbox-class-log';
export const LOG_VERSION = 1;
export const MAX_RATIONALE = 140;

export interface LoggedRound {
  round: number;
  levers: RoundDecision;
  rationale: string;
  figures: RoundFigures;
  /** The score at the end of this round (cumulative figures against the par plan's). */
  score: number;
}

export interface TeamLog {
  format: typeof LOG_FORMAT;
  version: number;
  classId: string;
  classHash: string;
  team: string;
  rounds: LoggedRound[];
  hash: string;
}

function body(log: Omit<TeamLog, 'hash'>): string {
  const { format, version, classId, classHash: ch, team, rounds } = log;
  return JSON.stringify({ format, version, classId, classHash: ch, team, rounds });
}

/** Seal a log: its hash covers the class's fingerprint and everything in the log. */
export function sealLog(cls: ClassFile, team: string, rounds: LoggedRound[]): TeamLog {
  const log = { format: LOG_FORMAT as typeof LOG_FORMAT, version: LOG_VERSION, classId: cls.id, classHash: classHash(cls), team, rounds };
  return { ...log, hash: fnv64(body(log)) };
}

export type Verdict =
  | { team: string; status: 'verified'; rounds: number; score: number; figures: RoundFigures[]; decisions: RoundDecision[]; rationales: string[] }
  | { team: string; status: 'edited' | 'mismatch' | 'otherClass' | 'invalid'; reasons: string[] };

/** Two figures agree to 9 significant digits (the same engine gives the same bits; other JS engines' Math may not). */
function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function sameFigures(a: RoundFigures, b: RoundFigures): string | null {
  for (const k of Object.keys(b) as (keyof RoundFigures)[]) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(y)) {
      if (!Array.isArray(x) || x.length !== y.length || x.some((v, i) => !close(v, y[i]!))) return k;
    } else if (!close(x as number | null, y as number | null)) return k;
  }
  return null;
}

/**
 * Check one team's log against the class: the hash, the class it was played in, each decision within the levers'
 * ranges, then a replay of its decisions; `par` the par plan's figures per round, `base` the do-nothing baseline.
 */
export function verifyLog(cls: ClassFile, value: unknown, base: readonly RunRecord[], par: readonly RoundFigures[]): Verdict {
  const o = value as Partial<TeamLog> | null;
  const team = typeof o?.team === 'string' ? o.team : '?';
  if (o === null || typeof o !== 'object' || o.format !== LOG_FORMAT) return { team, status: 'invalid', reasons: ['not a team log'] };
  if (o.version !== LOG_VERSION) return { team, status: 'invalid', reasons: [`version ${JSON.stringify(o.version)}; this app reads ${LOG_VERSION}`] };
  if (!Array.isArray(o.rounds) || typeof o.hash !== 'string') return { team, status: 'invalid', reasons: ['rounds or hash missing'] };
  if (fnv64(body(o as TeamLog)) !== o.hash) return { team, status: 'edited', reasons: ['the content does not match its hash: the file was edited after it was exported'] };
  if (o.classHash !== classHash(cls)) return { team, status: 'otherClass', reasons: [`played in class ${JSON.stringify(o.classId)} (${o.classHash}), not this one (${classHash(cls)})`] };
  const reasons: string[] = [];
  if (o.rounds.length > cls.rounds) reasons.push(`${o.rounds.length} rounds in a class of ${cls.rounds}`);
  o.rounds.forEach((r, k) => {
    if (r.round !== k) reasons.push(`rounds[${k}].round: expected ${k}, got ${r.round}`);
    if (!Array.isArray(r.levers)) reasons.push(`rounds[${k}].levers: missing`);
    else for (const e of decisionErrors(cls, r.levers, `rounds[${k}].levers`)) reasons.push(`${e.path}: ${e.message}`);
  });
  if (reasons.length) return { team, status: 'invalid', reasons };
  const decisions = o.rounds.map((r) => r.levers);
  const figures = replay(cls, decisions, base);
  o.rounds.forEach((r, k) => {
    const diff = sameFigures(r.figures, figures[k]!);
    if (diff) reasons.push(`round ${k + 1}: the recorded ${diff} does not match the replay`);
    else if (!close(r.score, score(cls, figures[k]!, par[k]!).total)) reasons.push(`round ${k + 1}: the recorded score does not match the replay`);
  });
  if (reasons.length) return { team, status: 'mismatch', reasons };
  const last = figures.length - 1;
  return {
    team,
    status: 'verified',
    rounds: figures.length,
    score: last >= 0 ? score(cls, figures[last]!, par[last]!).total : 0,
    figures,
    decisions,
    rationales: o.rounds.map((r) => r.rationale),
  };
}

/** The par plan's figures per round (replayed once per class). */
export function parFigures(cls: ClassFile, base: readonly RunRecord[]): RoundFigures[] {
  return replay(cls, parDecisions(cls), base);
}

/** Verified teams first, by rounds played then score; the rest (flagged) after, in the order given. */
export function leaderboard(verdicts: readonly Verdict[]): Verdict[] {
  const ok = verdicts.filter((v): v is Extract<Verdict, { status: 'verified' }> => v.status === 'verified');
  ok.sort((a, b) => b.rounds - a.rounds || b.score - a.score || a.team.localeCompare(b.team));
  return [...ok, ...verdicts.filter((v) => v.status !== 'verified')];
}
