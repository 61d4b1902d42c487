/** Types of functions-source.js, a plain Node script. */
import type { FunctionDeclaration } from "../src/core/declarations";
export const FILE: string;
export function functionsSource(declarations: readonly FunctionDeclaration[]): string;
export function registrations(
  declarations: readonly FunctionDeclaration[],
): { id: string; of: FunctionDeclaration; alias: boolean }[];
