import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import Chart from '../Chart.astro';
import RecordCharts from '../RecordCharts.astro';
import type { ChartSpec } from '../../../charts/spec.ts';
import { describeChart } from '../../../charts/format.ts';
import { contentRecord } from '../../../charts/__tests__/records.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>): Promise<string> {
  const html = await container.renderToString(component, { props });
  return html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
}

const spec: ChartSpec = {
  id: 'chart-function', kind: 'horizontalBar', title: '2026年支出预算（按功能分类）',
  labels: ['一般公共服务支出', '住房保障支出'], datasets: [{ label: '2026年预算数', values: [1002.71, 12.56] }], unit: '万元',
};

/** The JSON the page embeds for the client. */
const embedded = (html: string): unknown => JSON.parse(/<script type="application\/json">([^<]*)<\/script>/.exec(html)![1]!);

describe('Chart', () => {
  test('a figure named by its heading, marked for the client, with an optional caption', async () => {
    const html = await render(Chart, { spec, caption: '图中数字与上方表格相同。', level: 4 });
    expect(html).toMatch(/<figure class="chart" id="chart-function" data-chart aria-labelledby="chart-function-title">/);
    expect(html).toContain('<h4 id="chart-function-title" class="chart-title">2026年支出预算（按功能分类）</h4>');
    expect(html).toContain('<p class="chart-caption">图中数字与上方表格相同。</p>');
  });

  test('the canvas is an image named by every value it draws, with the same text as fallback content', async () => {
    const html = await render(Chart, { spec });
    const text = describeChart(spec);
    expect(text).toContain('一般公共服务支出 1,002.71万元');
    expect(html).toContain(`<canvas role="img" aria-label="${text}">${text}</canvas>`);
  });

  test('embeds the spec as inert JSON that parses back to the same spec', async () => {
    expect(embedded(await render(Chart, { spec }))).toEqual(spec);
  });

  test('text that could close the script element is escaped in the JSON; quotes cannot leave the attribute', async () => {
    const hostile = { ...spec, labels: ['</script><script>alert(1)</script>', '<!--"><b>'] };
    const html = await render(Chart, { spec: hostile });
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(embedded(html)).toEqual(hostile);
    expect(html).toContain('&lt;!--&quot;&gt;&lt;b&gt; 12.56万元。</canvas>');
    expect(html).toContain('aria-label="2026年支出预算（按功能分类）（2026年预算数）：</script><script>alert(1)</script> 1,002.71万元；<!--&quot;><b> 12.56万元。"');
  });

  test('reserves a height that grows with the rows of horizontal bars; vertical bars get a fixed one', async () => {
    const height = async (s: ChartSpec) => /chart-box chart-h(\d+)/.exec(await render(Chart, { spec: s }))![1];
    expect(await height(spec)).toBe('12');
    const many = { ...spec, labels: Array.from({ length: 19 }, (_, i) => `款${i}`), datasets: [{ label: '预算数', values: Array(19).fill(1) }] };
    expect(await height(many)).toBe('52');
    expect(await height({ ...spec, kind: 'bar' })).toBe('18');
  });

  test('loads the one client module as an external module script, never inline', async () => {
    const html = await render(Chart, { spec });
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)].filter(([, attrs]) => !attrs!.includes('application/json'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toMatch(/type="module"/);
    expect(scripts[0]![1]).toMatch(/src="[^"]*charts?/i);
    expect(scripts[0]![2]).toBe('');
  });
});

describe('RecordCharts', () => {
  test('renders the charts of the given blocks, in block order', async () => {
    const record = contentRecord('jiulongpo/dianzizhengwuzhongxin/2026');
    const html = await render(RecordCharts, { record, previous: null, blocks: ['function', 'spending', 'threePublic', 'tables'] });
    expect([...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1])).toEqual(['chart-function', 'chart-spending', 'chart-t3', 'chart-t10']);
  });

  test('renders nothing for blocks without charts', async () => {
    const record = contentRecord('jiulongpo/dianzizhengwuzhongxin/2026');
    expect((await render(RecordCharts, { record, previous: null, blocks: ['duties', 'threePublic'] })).trim()).toBe('');
  });
});
