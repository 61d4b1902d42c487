import type { FunctionDeclaration } from "../src/core/declarations";
export const FILE: string;
export function loadDeclarations(file?: string): readonly FunctionDeclaration[];
