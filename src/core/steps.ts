/**
 * Pure work that can be cut into slices: a generator that yields between pieces of its work (every
 * `STEP_ROWS` rows, say) and returns its result. It decides nothing about time; whoever runs it
 * does: `finish` runs it through in one go (the Excel adapter, tests), the preview's `drive`
 * (ui/slices.ts) gives the page back whenever a slice has run its time.
 */
export type Steps<T> = Generator<void, T, void>;

/** Rows between two yields of the stepped functions: a few milliseconds of work at most. */
export const STEP_ROWS = 64;

/** Runs `steps` to its end, at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
