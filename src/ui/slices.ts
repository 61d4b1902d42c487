/**
 * Long work in the page, cut into slices so that the page draws and answers between them: the
 * preview's write of a 15,000-row plan, and the pane's steps before it. A slice ends once it has
 * run `SLICE_MS`; the next one starts in a new task.
 */
import type { Steps } from "../core/steps";

/**
 * How long a slice runs before it gives the page back. The preview's write computes a slice's
 * cells after it (as long again), so a slice's task stays well under the 100 ms a person notices.
 */
export const SLICE_MS = 25;

/**
 * Resolves in a new task, queued behind what is waiting already (input, drawing, messages), as a
 * message to a channel is. Not `scheduler.yield`: its continuation goes ahead of other queued
 * tasks, and in Chromium that kept a test's clicks waiting until the whole write was done. Not a
 * chain of setTimeout(0) either: it is clamped to 4 ms a step.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The clock of one piece of long work: `due()` is true once the current slice has run its time,
 * and `pause()` gives the page back and starts the next slice.
 */
export interface SliceClock {
  due(): boolean;
  pause(): Promise<void>;
}

export function sliceClock(sliceMs = SLICE_MS, now: () => number = () => performance.now()): SliceClock {
  let start = now();
  return {
    due: (): boolean => now() - start >= sliceMs,
    async pause(): Promise<void> {
      await nextTask();
      start = now();
    },
  };
}

/** Runs stepped work (core/steps.ts) to its end, giving the page back whenever `clock` is due. */
export async function drive<T>(steps: Steps<T>, clock: SliceClock): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock.due()) await clock.pause();
  }
}
