/** Which report the Report view shows when there is both a run and a comparison: set by the view's switch and Compare. */
export const reportChoice = $state<{ of: 'run' | 'comparison' }>({ of: 'run' });
