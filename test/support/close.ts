/** Relative tolerance for floating results: they are unrounded doubles, and the worked
 *  examples are exact decimals, so only the last few bits may differ. */
export const TOLERANCE = 1e-12;

export function expectClose(actual: unknown, expected: number, tolerance = TOLERANCE): void {
  expect(typeof actual).toBe("number");
  const scale = Math.max(1, Math.abs(expected));
  if (Math.abs((actual as number) - expected) > tolerance * scale) {
    throw new Error(`expected ${expected} within ${tolerance * scale}, got ${String(actual)}`);
  }
}

/** The single value of a one-cell result grid. */
export function only<T>(grid: readonly (readonly T[])[]): T {
  expect(grid).toHaveLength(1);
  expect(grid[0]).toHaveLength(1);
  return grid[0][0];
}
