// Reads StrykerJS's reports (reports/mutation/<group>.json, written by scripts/mutants-group.sh) and checks that every
// mutant left alive (survived, or reached by no test) is explained in docs/mutants/<group>.md; prints the score by
// folder and by file as markdown, so docs/testing.md's table is copied from the reports, not typed.
//   npm run mutants:explained               every group with a report
//   npm run mutants:explained -- tactics    one group
// A survivor counts as explained when the group's page names its file and line in a code span, e.g.
// `checkpoint.ts:88, 96:39, 101–105` (lines or ranges, separated by commas or slashes; a ":column" is ignored).
// Exit status 1 when a survivor is not explained or a group has no page.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}

const REPORTS = 'reports/mutation';
const PAGES = 'docs/mutants';
const LIVE = new Set(['Survived', 'NoCoverage']);

/** The lines each file's survivors may be explained by: basename → list of [from, to]. */
export function explainedLines(page: string): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  for (const m of page.matchAll(/`([\w.-]+\.ts):([^`]+)`/g)) {
    const ranges = out.get(m[1]!) ?? [];
    for (const item of m[2]!.split(/[,/]/)) {
      const r = /^\s*(\d+)(?::\d+)?(?:\s*[–-]\s*(\d+))?/.exec(item);
      if (r) ranges.push([Number(r[1]), Number(r[2] ?? r[1])]);
    }
    out.set(m[1]!, ranges);
  }
  return out;
}

const score = (t: Tally) => t.killed / (t.killed + t.survived + t.noCoverage);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const add = (a: Tally, b: Tally): Tally => ({
  killed: a.killed + b.killed,
  survived: a.survived + b.survived,
  noCoverage: a.noCoverage + b.noCoverage,
});
const row = (name: string, t: Tally, extra = '') =>
  `| ${name} | ${t.killed + t.survived + t.noCoverage} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${pct(score(t))} |${extra}`;

function main(args: string[]): number {
  // The groups are the cases of scripts/mutants-group.sh, so they are declared once.
  const groups = args.length
    ? args
    : [...readFileSync('scripts/mutants-group.sh', 'utf8').matchAll(/^ {2}([a-z-]+)\)$/gm)].map((m) => m[1]!);
  const byFile = new Map<string, { group: string; tally: Tally }>();
  let missing = 0;
  for (const group of groups) {
    const path = `${REPORTS}/${group}.json`;
    if (!existsSync(path)) {
      console.error(`${group}: no report at ${path} (run sh scripts/mutants-group.sh ${group})`);
      missing++;
      continue;
    }
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    const pagePath = `${PAGES}/${group}.md`;
    const explained = existsSync(pagePath) ? explainedLines(readFileSync(pagePath, 'utf8')) : undefined;
    if (!explained) {
      console.error(`${group}: no page ${pagePath} explaining its survivors`);
      missing++;
    }
    for (const [file, f] of Object.entries(report.files)) {
      const tally: Tally = { killed: 0, survived: 0, noCoverage: 0 };
      for (const m of f.mutants) {
        if (m.status === 'Killed' || m.status === 'Timeout') tally.killed++;
        else if (m.status === 'Survived') tally.survived++;
        else if (m.status === 'NoCoverage') tally.noCoverage++;
        if (!LIVE.has(m.status) || !explained) continue;
        const line = m.location.start.line;
        const ranges = explained.get(basename(file)) ?? [];
        if (ranges.some(([a, b]) => line >= a && line <= b)) continue;
        missing++;
        const text = f.source.split('\n')[line - 1]?.trim().slice(0, 90);
        console.error(`${group}: ${file}:${line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '').slice(0, 50)} | ${text}`);
      }
      if (tally.killed + tally.survived + tally.noCoverage === 0) continue;
      const prior = byFile.get(file);
      if (prior) throw new Error(`${file} is in two groups' reports (${prior.group}, ${group}): keep it in one`);
      byFile.set(file, { group, tally });
    }
  }
  const folders = new Map<string, Tally>();
  for (const [file, { tally }] of byFile) {
    const folder = dirname(file);
    folders.set(folder, add(folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0 }, tally));
  }
  console.log('| folder | mutants | killed + timed out | survived | no test | score |');
  console.log('|---|---|---|---|---|---|');
  let all: Tally = { killed: 0, survived: 0, noCoverage: 0 };
  for (const [folder, t] of [...folders].sort()) {
    console.log(row(`\`${folder}\``, t));
    all = add(all, t);
  }
  console.log(row(`**all measured (${byFile.size} files)**`, all));
  console.log('\n| file | group | mutants | killed + timed out | survived | no test | score |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [file, { group, tally }] of [...byFile].sort()) console.log(row(`\`${file}\` | ${group}`, tally));
  if (missing) console.error(`\n${missing} survivor(s) or group(s) not explained`);
  return missing ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
