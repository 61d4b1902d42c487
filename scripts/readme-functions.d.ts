/** Types of readme-functions.js, a plain Node script. */
import type { FunctionDeclaration } from "../src/core/declarations";
export const START: string;
export const END: string;
export function functionReference(declarations: readonly FunctionDeclaration[]): string;
export function withReference(readme: string, reference: string): string;
