/**
 * `npm run merge -- part-0.json part-1.json … --out result.json`: join the part files of a sharded batch
 * (`npm run sim -- batch.json --shard i/n --out part-i.json`) into exactly the bytes one machine writes.
 * Exit codes: 0 success, 2 bad input (missing, duplicate or mixed parts), 1 internal error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeParts, resultText, type Part } from '../planner/batch';

const USAGE = 'usage: npm run merge -- <part.json>… [--out result.json]';

function main(argv: string[]): number {
  const files: string[] = [];
  let out: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--out') {
      out = argv[++k];
      if (!out) return fail('--out needs a file name');
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-')) return fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) return fail('no part files given');
  const parts: Part[] = [];
  for (const f of files) {
    try {
      parts.push(JSON.parse(readFileSync(f, 'utf8')) as Part);
    } catch (e) {
      return fail(`cannot read part file ${f}: ${(e as Error).message}`);
    }
  }
  let text: string;
  try {
    text = resultText(mergeParts(parts));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`error: ${message}\n\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
