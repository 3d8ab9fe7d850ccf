/**
 * The search page's client (bundled by Astro into a file: the CSP forbids inline scripts). Reads
 * `?q=…&district=…&year=…`, fills the form with it, searches the Pagefind index with search-engine.ts and
 * renders the results. Every piece of indexed text is inserted with textContent, never as HTML, so
 * whatever a disclosure contains shows as text.
 */
import { excerpt, openIndex, search, sectionAt, type SearchIndex } from './search-engine.ts';
import { searchFilters } from '../lib/search-meta.ts';
import { url } from '../lib/routes.ts';

/** Results rendered at once; "显示更多结果" adds as many again. */
const PAGE_SIZE = 20;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function loadIndex(bundle: string): Promise<SearchIndex> {
  return openIndex(async (path) => {
    const res = await fetch(`${bundle}${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  });
}

/** One result: title linking to the page (its section holding the match), then district · year · unit · section, then the snippet. */
async function renderHit(index: SearchIndex, page: number, highlights: string[]): Promise<HTMLLIElement> {
  const fragment = await index.fragment(page);
  const { unit, district, year, title } = fragment.meta;
  const item = el('li', 'search-result');
  const heading = el('h3', 'search-result-title');
  const link = el('a', undefined, title || (unit && year ? `${unit} ${year}年` : fragment.url));
  const { pieces, match } = excerpt(fragment.content, highlights);
  // The link lands on the section whose text the snippet shows. Before the first section, it lands on the
  // first match (a text fragment, which the browser scrolls to and marks); not with a section: a text
  // fragment wins over the id and goes to the first occurrence anywhere on the page (often the contents list).
  const section = sectionAt(fragment.content, fragment.anchors, match);
  const first = pieces.find((p) => p.mark)?.text;
  link.href = url(fragment.url) + (section ? `#${encodeURIComponent(section.id)}` : first ? `#:~:text=${encodeURIComponent(first)}` : '');
  heading.append(link);
  item.append(heading);
  const facts = [district, year && `${year}年`, unit].filter((f): f is string => Boolean(f));
  if (facts.length) item.append(el('p', 'search-result-meta', facts.join(' · ')));
  if (section) item.append(el('p', 'search-result-section', `见“${section.text}”`));
  const text = el('p', 'search-result-snippet');
  for (const piece of pieces) {
    text.append(piece.mark ? el('mark', undefined, piece.text) : document.createTextNode(piece.text));
  }
  item.append(text);
  return item;
}

async function run(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const section = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-list]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !section || !status || !list || !more) return;

  const params = new URLSearchParams(window.location.search);
  const query = (params.get('q') ?? '').trim();
  const input = form.elements.namedItem('q') as HTMLInputElement;
  input.value = query;
  const filters: Record<string, string> = {};
  for (const name of searchFilters) {
    const select = form.elements.namedItem(name) as HTMLSelectElement;
    const value = params.get(name) ?? '';
    // Only values the form offers (this build's districts and years) are applied.
    if ([...select.options].some((o) => o.value === value)) select.value = value;
    filters[name] = select.value;
  }
  section.hidden = false;
  const filtered = Object.values(filters).some((v) => v !== '');
  if (query === '' && !filtered) {
    status.textContent = '请输入关键词，或选择区县、年份。';
    return;
  }
  if (query !== '') document.title = `“${query}”的搜索结果 - ${document.title}`;
  status.textContent = '正在搜索…';
  try {
    const index = await loadIndex(form.dataset.bundle ?? url('/pagefind/'));
    const { hits, highlights } = await search(index, query, filters);
    const scope = filtered ? '（已按区县、年份筛选）' : '';
    status.textContent = hits.length
      ? `找到 ${hits.length} 个页面${scope}。`
      : `没有找到${query ? `与“${query}”相关的` : ''}页面${scope}。请换一个关键词，或取消区县、年份筛选。`;
    let shown = 0;
    const showMore = async () => {
      const next = hits.slice(shown, shown + PAGE_SIZE);
      shown += next.length;
      list.append(...await Promise.all(next.map((h) => renderHit(index, h.page, highlights))));
      more.hidden = shown >= hits.length;
    };
    more.addEventListener('click', () => {
      const first = shown;
      void showMore().then(() => list.children[first]?.querySelector('a')?.focus());
    });
    await showMore();
  } catch (e) {
    status.textContent = `搜索暂时不可用，请稍后再试。（${(e as Error).message}）`;
  }
}

void run();
