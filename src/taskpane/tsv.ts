/**
 * What Excel puts on the clipboard when a range is copied: one line per row (CRLF), cells split
 * by tabs, and a cell holding a tab, a line break or a quote written in double quotes with its
 * quotes doubled. Pure, so the pane's paste and its tests read the same thing.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell runs to the quote that is not doubled; what follows it up to the next
      // separator is kept, as Excel does with text like "a"b.
      let j = i + 1;
      let quoted = "";
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          // No closing quote: the quote was the cell's first character, not a quote mark.
          quoted = "";
          j = -1;
          break;
        }
        quoted += text.slice(j, close);
        if (text[close + 1] === '"') {
          quoted += '"';
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      if (j !== -1) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
      i += 1;
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  // Excel ends the last line with a line break; a final empty line is not a row.
  if (!atCellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is more than one cell (a single value pastes into the control as usual). */
export function isManyCells(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r?\n)$/, ""));
}
