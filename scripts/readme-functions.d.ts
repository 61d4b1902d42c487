/** Types of readme-functions.js, a plain Node script. */
interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[];
}
export const START: string;
export const END: string;
export function functionReference(en: Metadata, vi: Metadata): string;
export function withReference(readme: string, reference: string): string;
