import { describe, expect, it } from 'vitest';
import { Library } from '../../src/ui/state/library.svelte';
import { Draft } from '../../src/ui/state/draft.svelte';
import { MemoryStore } from '../../src/ui/lib/storage';
import { loadPresets } from '../../src/ui/lib/presets';
import { scenarioJson } from '../helpers';

/** The app's agents field changes the sample, not the market: the people per agent follow, in the same undo step. */
describe('the agents field keeps the market', () => {
  function draftOf(population: Record<string, unknown>) {
    const store = new MemoryStore();
    const library = new Library(store, loadPresets({}));
    const draft = new Draft(library, store, { onFork: () => {}, lang: () => 'zh' });
    const json = scenarioJson({ population });
    draft.open({ kind: 'user', key: library.add(json) }, json);
    return draft;
  }
  const pop = (d: Draft) => d.value!.population as { agents: number; scale: number };

  it('recomputes the people per agent so agents × scale stays the stated market', () => {
    const d = draftOf({ agents: 100_000, scale: 200 }); // a market of 20 million
    d.set('population.agents', 20_000);
    expect(pop(d)).toMatchObject({ agents: 20_000, scale: 1000 });
    d.set('population.agents', 30_000);
    expect(pop(d).agents * pop(d).scale).toBeCloseTo(20_000_000, 3);
    expect(d.errors).toEqual([]);
  });

  it('one undo restores both the agents and the scale', () => {
    const d = draftOf({ agents: 5000, scale: 4 });
    d.set('population.agents', 2000);
    expect(pop(d)).toMatchObject({ agents: 2000, scale: 10 });
    d.undo();
    expect(pop(d)).toMatchObject({ agents: 5000, scale: 4 });
  });

  it('leaves the scale alone when the agents are not a usable number yet, and when the scale itself is edited', () => {
    const d = draftOf({ agents: 5000, scale: 4 });
    d.set('population.agents', 'many');
    expect(pop(d).scale).toBe(4);
    d.set('population.agents', 5000);
    d.set('population.scale', 8);
    expect(pop(d)).toMatchObject({ agents: 5000, scale: 8 });
  });
});
