/** Renumbering after a removal: the rows near the change at once, the rest in later tasks, all on settle. */
import { Renumbering } from "../../src/taskpane/renumbering";

/** A table of `n` rows, each numbered right, its numbers in `numbers` (what the form writes into paths). */
function table(n: number, slice: number) {
  const numbers = Array.from({ length: n }, (_, i) => i);
  const rows = { count: n };
  const renumbering = new Renumbering(
    () => rows.count,
    (i) => (numbers[i] = i),
    slice,
    (turn) => setTimeout(turn, 0),
  );
  /** Removes row `index` as the form does: the rows below keep their old numbers until renumbered. */
  const remove = (index: number) => {
    numbers.splice(index, 1);
    rows.count--;
    renumbering.staleFrom(index);
  };
  const stale = () => numbers.map((v, i) => (v === i ? -1 : i)).filter((i) => i >= 0);
  return { numbers, renumbering, remove, stale };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("a removal renumbers one slice of the rows below at once and the others a slice per later turn", () => {
  const t = table(1000, 10);
  t.remove(100);
  // Rows 100..109 are right at once; 110 on still carry their old numbers.
  expect(t.stale()[0]).toBe(110);
  expect(t.renumbering.pending).toBe(true);
  jest.runOnlyPendingTimers();
  // A later turn renumbers the next slice, and schedules the one after.
  expect(t.stale()[0]).toBe(120);
  jest.runAllTimers();
  expect(t.stale()).toEqual([]);
  expect(t.renumbering.pending).toBe(false);
});

test("settle renumbers every row still out of date at once, and leaves nothing scheduled to do", () => {
  const t = table(500, 10);
  t.remove(3);
  t.renumbering.settle();
  expect(t.stale()).toEqual([]);
  expect(t.renumbering.pending).toBe(false);
  jest.runAllTimers();
  expect(t.stale()).toEqual([]);
});

test("a second removal above rows still out of date renumbers from the earlier of the two", () => {
  const t = table(500, 10);
  t.remove(300);
  t.remove(20);
  jest.runAllTimers();
  expect(t.stale()).toEqual([]);
  expect(t.numbers).toHaveLength(498);
});
