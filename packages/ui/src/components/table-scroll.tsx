import { type CSSProperties, type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * The box a table scrolls in: reachable by keyboard (a scrolled table a keyboard user cannot
 * scroll hides its columns), named by what it lists. A `sk-table--stack` table inside is
 * stacked into labelled cards in a narrow column (styles.css); each cell's label is its
 * column's header text, taken from the header rows here, so hand-written tables need no
 * label per cell. Cells that carry their own `data-label` keep it.
 */
export function TableScroll({
  label,
  children,
  style,
  busy,
}: {
  label: string;
  children: ReactNode;
  style?: CSSProperties;
  busy?: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  // After every render: rows change with the data, and the labels must follow.
  useLayoutEffect(() => {
    if (ref.current) labelStackedCells(ref.current);
  });
  return (
    <section
      ref={ref}
      className="sk-table-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
      tabIndex={0}
      style={style}
      aria-busy={busy || undefined}
    >
      {children}
    </section>
  );
}

/** The text of each column of a table's header rows, a group's name first ("Siklus I · %"). */
function columnLabels(table: HTMLTableElement): string[] {
  const labels: string[][] = [];
  const taken: boolean[][] = [];
  const rows = Array.from(
    table.querySelectorAll<HTMLTableRowElement>(':scope > thead > tr:not(.sk-table__filters)'),
  );
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of cellsOf(row)) {
      while (taken[r]?.[col]) col++;
      const text = (cell.textContent ?? '').replace(/[↕▲▼]/g, '').trim();
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const rowTaken = taken[r + dr] ?? [];
          rowTaken[col + dc] = true;
          taken[r + dr] = rowTaken;
          if (dr === 0 && text) {
            const list = labels[col + dc] ?? [];
            if (!list.includes(text)) list.push(text);
            labels[col + dc] = list;
          }
        }
      }
      col += cell.colSpan;
    }
  });
  return Array.from(labels, (l) => (l ?? []).join(' · '));
}

function labelStackedCells(root: HTMLElement): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('.sk-table--stack'))) {
    const labels = columnLabels(table);
    const rows = table.querySelectorAll<HTMLTableRowElement>(
      ':scope > tbody > tr, :scope > tfoot > tr',
    );
    for (const row of Array.from(rows)) {
      let col = 0;
      for (const cell of cellsOf(row)) {
        if (cell.tagName === 'TD' && !cell.hasAttribute('data-label')) {
          const label = labels[col];
          if (label) cell.setAttribute('data-label', label);
        }
        col += cell.colSpan;
      }
    }
  }
}

/** A row's cells (th and td), in order. */
function cellsOf(row: HTMLTableRowElement): HTMLTableCellElement[] {
  return Array.from(row.children).filter(
    (c): c is HTMLTableCellElement => c.tagName === 'TD' || c.tagName === 'TH',
  );
}
