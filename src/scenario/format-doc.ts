import { SOURCES_DOC, type Source } from '../lib/source';
import type { FieldSpec, ObjectSpec } from '../lib/spec';
import { UNITS } from '../lib/units';
import { TACTICS } from '../sim';
import { LIMITS } from './limits';
import { scenarioSpec } from './schema';

/**
 * The field reference of scenarios/README.md, generated from the same spec that validates files, so the two cannot
 * drift apart (a test regenerates it and compares).
 */
function range(s: FieldSpec): string {
  if (s.kind === 'number') {
    const lo = s.exclusiveMin ? `> ${s.min}` : `${s.min}`;
    return `${lo} … ${s.max}${s.integer ? ', whole' : ''}`;
  }
  if (s.kind === 'enum') return s.values.map((v) => `\`${v}\``).join(', ');
  if (s.kind === 'string') return `≤ ${s.maxLength} chars${s.patternHint ? `; ${s.patternHint}` : ''}`;
  if (s.kind === 'text') return `text or {en, zh}, ≤ ${s.maxLength} chars`;
  if (s.kind === 'date') return 'YYYY-MM-DD';
  if (s.kind === 'array') return `≤ ${s.maxItems} items`;
  if (s.kind === 'custom') return s.expected;
  if (s.kind === 'boolean') return 'true / false';
  return '';
}

function unit(s: FieldSpec): string {
  return s.kind === 'number' ? UNITS[s.unit].en : '';
}

function dflt(s: FieldSpec): string {
  if ('default' in s && s.default !== undefined) return `\`${JSON.stringify(s.default)}\``;
  return s.optional ? '(optional)' : '**required**';
}

/** A default's source, with links to its docs/sources.md entries (scenarios/README.md sits one folder down). */
function sourceNote(s: Source): string {
  const links = (s.refs ?? []).map((r) => `[${r}](../${SOURCES_DOC}#${r})`);
  return ` — source: ${s.en}${links.length ? ` (${links.join(', ')})` : ''}`;
}

/** Whether runs draw the number (its plausible range, relative or absolute) or it is the brand's decision. */
function drawNote(s: FieldSpec): string {
  if (s.kind !== 'number') return '';
  if (s.decision) return ' — a decision: never drawn';
  const r = s.plausible;
  if (!r) return '';
  return r.relative ? ` — drawn ×${r.low} … ×${r.high} of the value in use: ${r.reason.en}` : ` — drawn ${r.low} … ${r.high}: ${r.reason.en}`;
}

function rows(spec: ObjectSpec, prefix: string, out: string[]): void {
  for (const [key, s] of Object.entries(spec.fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const doc = s.doc.en + (s.source ? sourceNote(s.source) : '') + drawNote(s);
    out.push(`| \`${path}\` | ${unit(s)} | ${range(s)} | ${dflt(s)} | ${doc.replace(/\|/g, '\\|')} |`);
    if (s.kind === 'object') rows(s, path, out);
    if (s.kind === 'union' && key !== 'tactics') {
      for (const [tag, v] of Object.entries(s.variants)) {
        if (Object.keys(v.fields).length) rows(v, `${path}{${s.discriminator}=${tag}}`, out);
      }
    }
  }
}

export function formatReference(): string {
  const out: string[] = [];
  out.push('<!-- generated from src/scenario/schema.ts by `npm run docs:format`; a test keeps it current -->');
  out.push('### Scenario fields', '', '| field | unit | range | default | meaning |', '|---|---|---|---|---|');
  rows(scenarioSpec, '', out);
  out.push('', '### Limits', '', '| limit | value |', '|---|---|');
  out.push(`| file size | ${LIMITS.fileBytes} bytes |`, `| nesting depth | ${LIMITS.depth} |`, `| population.agents | ${LIMITS.agents} |`);
  out.push(`| days | ${LIMITS.days} |`, `| runs | ${LIMITS.runs} |`, `| tactics | ${LIMITS.tactics} |`, `| agents × days × runs | ${LIMITS.work.toExponential(0)} |`);
  out.push('', '### Tactics', '');
  for (const def of Object.values(TACTICS)) {
    out.push(`#### \`${def.type}\` — ${def.name.en} (${def.name.zh})`, '', def.summary.en, '');
    out.push(`Moves it may cause: ${def.moves.map(([a, b]) => `R${a}→R${b}`).join(', ') || 'none'}; purchases of: ${def.purchases.map((t) => `R${t}`).join(', ') || 'none'}.`, '');
    out.push(`Who responds more: ${def.response.en} Side effects: ${def.sideEffects.en}`, '');
    out.push('| parameter | unit | range | default | meaning |', '|---|---|---|---|---|');
    rows({ kind: 'object', doc: def.summary, fields: def.params }, '', out);
    out.push('');
  }
  return out.join('\n') + '\n';
}
