/**
 * District filter of a year table (src/pages/years/[year]/[...sort].astro): a <select> that shows only the
 * rows of one district and recomputes the totals row from the rows' integer 元 (`data-yuan`), never from
 * displayed text. Without script the select stays hidden and the whole table shows.
 */
import { formatWan } from '../domain/money.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('[data-year-filter]')) {
  const table = document.getElementById(form.dataset.yearFilter ?? '');
  const select = form.querySelector('select');
  const status = form.querySelector('[data-filter-status]');
  if (!table || !select) continue;
  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  const apply = () => {
    const district = select.value;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    let shown = 0;
    for (const row of rows) {
      const visible = district === '' || row.dataset.district === district;
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const cell of table.querySelectorAll<HTMLTableCellElement>('tfoot [data-sum]')) {
      const column = cell.dataset.sum!;
      let sum: number | null = 0;
      for (const row of rows) {
        if (row.hidden) continue;
        const v = row.querySelector<HTMLElement>(`[data-col="${column}"]`)?.dataset.yuan;
        if (v === undefined || sum === null) { sum = null; continue; }
        sum += Number(v);
      }
      cell.textContent = formatWan(sum);
    }
    if (status) status.textContent = district === '' ? `共${shown}个单位` : `已筛选：${select.selectedOptions[0]?.text ?? ''}，${shown}个单位`;
  };
  select.addEventListener('change', apply);
  apply();
}
