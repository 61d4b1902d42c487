/** Types of functions-l10n.js, a build script that webpack.config.js loads as plain JavaScript. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}
export interface Translation {
  name: string;
  description: string;
  parameters?: Record<string, { name: string; description: string }>;
}
export function localizeMetadata(
  metadata: { functions: FunctionMetadata[] },
  table: Record<string, Translation>,
): { metadata: { functions: FunctionMetadata[] }; problems: string[] };
export class FunctionsLocalizationPlugin {
  constructor(options: { input: string; output: string; table: string });
}
