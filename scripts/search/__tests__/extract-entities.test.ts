import { expect, test } from 'vitest';
import { decodeEntities } from '../extract.ts';

test('character references are decoded as a browser does (entities): named, numeric, without semicolon', () => {
  expect(decodeEntities('一般&amp;拨款 &lt;b&gt; &quot;x&quot; &#39;y&#x27; &nbsp;')).toBe('一般&拨款 <b> "x" \'y\' \u00a0');
  expect(decodeEntities('&ldquo;三公&rdquo;经费 &mdash; &yen;100 &times;2 &hellip;')).toBe('“三公”经费 — ¥100 ×2 …');
  expect(decodeEntities('&amp &copy 2026')).toBe('& © 2026');
  expect(decodeEntities('&zzz; &notin; &notanentity; &#0; 纯文本')).toBe('&zzz; ∉ ¬anentity; \ufffd 纯文本');
});
