/** Types of help-page.js, which turns docs/help.md into dist/help.html. */
export function markdownToHtml(markdown: string): string;
export function helpPage(markdown: string): string;
