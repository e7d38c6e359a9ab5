import type { EngineConfig } from '../../sim';
import type { Summary } from '../../sim';

/** FNV-1a over the text, two independent 32-bit lanes: a stable 16-hex-digit key (the same on every visit). */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = (0x01000193 ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The key of a compiled config: a hash of its JSON (seed, runs, market, days, flows, tactics, …). */
export function configKey(config: EngineConfig): string {
  return stableHash(JSON.stringify(config));
}

/**
 * Monte Carlo summaries already run in this page, by the hash of their compiled config (scenario, seed, runs and
 * horizon all inside it): no work is done twice. The dashboard reuses an unchanged do-nothing baseline (the user
 * edited a tactic, not the market, the seed or the runs) and puts its plan's summaries here too; Compare reuses any
 * of them whose compiled config is unchanged (the scenario just run on the dashboard, its baseline, their noise-only
 * twins). Holds a few; the least recently used goes first.
 */
export class BaselineCache {
  private readonly map = new Map<string, Summary>();
  constructor(private readonly capacity = 12) {}

  get(config: EngineConfig): Summary | undefined {
    const key = configKey(config);
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit); // most recently used last
    }
    return hit;
  }

  set(config: EngineConfig, summary: Summary): void {
    const key = configKey(config);
    this.map.delete(key);
    this.map.set(key, summary);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  /** Forget one config's summary (the browser bench uses it to time a plan whose baseline is cached). */
  delete(config: EngineConfig): boolean {
    return this.map.delete(configKey(config));
  }

  get size(): number {
    return this.map.size;
  }
}
