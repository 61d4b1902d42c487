/** Types of functions-l10n.js, a build script that webpack.config.js loads as plain JavaScript. */
import type { FunctionDeclaration } from "../src/core/declarations";
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}
export function localizeMetadata(
  metadata: { functions: FunctionMetadata[] },
  declarations: readonly FunctionDeclaration[],
): { metadata: { functions: FunctionMetadata[] }; problems: string[] };
export class FunctionsLocalizationPlugin {
  constructor(options: { input: string; output: string });
}
