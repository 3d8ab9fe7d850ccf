import { describe, expect, it } from 'vitest';
import { seedRecord, seedWith } from './fixture.ts';
import { count, render } from './render.ts';
import AttachedTable from '../AttachedTable.astro';
import AssetsSummary from '../AssetsSummary.astro';
import DocumentSection from '../DocumentSection.astro';
import Downloads from '../Downloads.astro';
import Duties from '../Duties.astro';
import Findings from '../Findings.astro';
import FunctionTable from '../FunctionTable.astro';
import IncomeTable from '../IncomeTable.astro';
import KeyFigures from '../KeyFigures.astro';
import OperatingExpenses from '../OperatingExpenses.astro';
import Paragraph from '../Paragraph.astro';
import PerformanceSummary from '../PerformanceSummary.astro';
import ProcurementTable from '../ProcurementTable.astro';
import RecordHeader from '../RecordHeader.astro';
import SourceText from '../SourceText.astro';
import SpendingSplit from '../SpendingSplit.astro';
import Structure from '../Structure.astro';
import TermsUsed from '../TermsUsed.astro';
import ThreePublicTable from '../ThreePublicTable.astro';
import Unrecognised from '../Unrecognised.astro';
import CorrectionNotice from '../../release/CorrectionNotice.astro';
import PreviewFindings from '../../release/PreviewFindings.astro';
import type { ThreePublic } from '../../../domain/schema/three-public.ts';

const kaizhou = seedRecord('000');
const yuzhong = seedRecord('003');
const jiulongpo = seedRecord('004');
const tableOf = (kind: string) => jiulongpo.tables.find((t) => t.kind === kind)!;
/** Text content without tags, for reading sentences across links. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('RecordHeader', () => {
  it('has the one h1 with unit, year and kind, and the document’s identity', async () => {
    const html = await render(RecordHeader, { record: kaizhou, otherYears: [{ year: 2024, href: '/kaizhou/x/2024/' }] });
    expect(count(html, /<h1[\s>]/g)).toBe(1);
    expect(text(html)).toContain('重庆市开州区政务信息中心 2026年部门预算');
    for (const s of ['开州政信发〔2026〕3号', '黄岗', '部门预算（公示）', '2026-03-11', '开州财行发〔2026〕18号']) expect(text(html)).toContain(s);
    expect(html).toContain('<a href="source/#L83" title="原文第83行">江冲，023-52255608</a>');
    expect(html).toContain('<a href="/kaizhou/x/2024/">2024年</a>');
  });
  it('shows the opening paragraph but not the title lines again', async () => {
    const html = await render(RecordHeader, { record: kaizhou, otherYears: [] });
    expect(html).toContain('按照有关财政预算公开的部署和要求');
    expect(count(html, /关于2026年部门预算情况公开的公示/g)).toBe(1);
    expect(html).not.toContain('other-years');
  });
  it('points to the findings when the document contradicts itself', async () => {
    expect(await render(RecordHeader, { record: jiulongpo, otherYears: [] })).toMatch(/<a href="#findings">数据核对发现1处错误/);
  });
});

describe('KeyFigures', () => {
  it('shows the total, the change with its percentage, the split and “三公”, each linked to its section, its line beside it', async () => {
    const html = await render(KeyFigures, { record: kaizhou });
    const section = (kind: string) => kaizhou.sections.find((s) => s.kind === kind)!.id;
    expect(html).toContain(`<a href="#${section('income')}">1,483.96</a>`);
    expect(html).toContain(`<a href="#${section('income')}">+132.02</a>`);
    expect(count(html, /<a class="line-link" href="source\/#L44">原文第44行<\/a>/g)).toBe(2);
    expect(html).toContain('（+9.77%）');
    expect(html).toContain(`<a href="#${section('budgetExplanation')}">733.26</a>`);
    expect(html).toContain(`<a href="#${section('budgetExplanation')}">750.70</a>`);
    expect(html).toContain(`<a href="#${section('threePublic')}">1.60</a>`);
    expect(html).toContain('<a class="line-link" href="source/#L55">原文第55行</a>');
  });
  it('links a figure to the heading the page gives its block when no section of the document fits, else to its line', async () => {
    const without = { ...kaizhou, sections: kaizhou.sections.filter((s) => s.kind !== 'threePublic') };
    expect(await render(KeyFigures, { record: without })).toContain('<a href="#block-threePublic">1.60</a>');
    const untitled = { ...kaizhou, sections: kaizhou.sections.map((s) => (s.kind === 'threePublic' ? { ...s, title: '' } : s)) };
    expect(await render(KeyFigures, { record: untitled })).toMatch(/<a href="source\/#L55" title="原文第55行">1.60<\/a>/);
  });
  it('shows the previous year implied by this document when that year is not published', async () => {
    const html = await render(KeyFigures, { record: kaizhou });
    expect(html).toMatch(/<p class="kf-note derived">2025年 1,351.94 万元<span class="derived-label">据本文件推算<\/span><\/p>/);
  });
  /** The text of one card (data-kf="…"), tags stripped. */
  const card = (html: string, kf: string) => text(html.slice(html.indexOf(`data-kf="${kf}"`), html.indexOf('</div>', html.indexOf(`data-kf="${kf}"`))));
  const published2025 = (figures: { incomeTotal: number; threePublic: number }) => {
    const r = seedRecord('001');
    return seedWith('001', {
      identity: { ...r.identity, year: 2025 },
      keyFigures: { ...r.keyFigures, incomeTotal: figures.incomeTotal, threePublic: { ...r.keyFigures.threePublic, total: figures.threePublic } },
    });
  };
  it('takes a change and the base of its percentage from one source: the document’s, even when the previous year’s record disagrees (据本文件)', async () => {
    // The document: 1,483.96万元, 比2025年增加132.02万元 (so 2025 was 1,351.94); “三公” 1.60, 减少0.10 (so 1.70).
    // The 2025 record published here says 1,163.24 and 2.00: a percentage of those would be +11.35% and -5.00%.
    const previous = published2025({ incomeTotal: 11632400, threePublic: 20000 });
    const html = await render(KeyFigures, { record: kaizhou, previous: { record: previous, href: '/kaizhou/x/2025/' } });
    expect(card(html, 'change')).toContain('+132.02 万元（+9.77%）据本文件');
    expect(card(html, 'three-public')).toContain('-0.10 万元（-5.88%）据本文件');
    expect(html).not.toContain('11.35%');
    expect(html).not.toContain('-5.00%');
    // The same percentage as the note under the income table.
    expect(text(await render(IncomeTable, { record: kaizhou }))).toContain('+132.02 万元（+9.77%）');
  });
  it('computes the change from the previous year’s published record when the document states none (据上年公开数)', async () => {
    const none = { amount: null, comparedYear: null, reason: null, line: 1 };
    const record = seedWith('000', {
      income: { ...kaizhou.income, change: null }, expenditure: { ...kaizhou.expenditure, change: null },
      threePublic: { ...kaizhou.threePublic, total: { ...kaizhou.threePublic.total, change: none } },
    });
    const previous = published2025({ incomeTotal: 13000000, threePublic: 20000 });
    const html = await render(KeyFigures, { record, previous: { record: previous, href: '/kaizhou/x/2025/' } });
    expect(card(html, 'change')).toContain('比2025年+183.96 万元（+14.15%）据上年公开数');
    expect(card(html, 'three-public')).toContain('比2025年 -0.40 万元（-20.00%）据上年公开数');
  });
  it('links to the previous year’s page instead when it is published', async () => {
    const previous = seedWith('001', { identity: { ...seedRecord('001').identity, year: 2025 } });
    const html = await render(KeyFigures, { record: kaizhou, previous: { record: previous, href: '/kaizhou/x/2025/' } });
    expect(html).not.toContain('据本文件推算');
    expect(html).toContain('<a href="/kaizhou/x/2025/">2025年预算总额 592.29 万元</a>');
  });
});

describe('AttachedTable', () => {
  it('is a real table: caption with title and unit, column and row headers, amounts in .num linked to lines', async () => {
    const t = tableOf('departmentExpenditure');
    const html = await render(AttachedTable, { table: t, csvHref: '/x/t9.csv', csvFileName: 'x-t9.csv' });
    expect(html).toMatch(/<caption id="caption-t9">2026年九龙坡区电子政务中心部门支出总表<span class="unit">单位：万元<\/span><span class="scroll-hint">表格较宽，可左右滑动查看全部5列<\/span><\/caption>/);
    expect(count(html, /<th scope="col"/g)).toBe(5);
    expect(count(html, /<th scope="row"/g)).toBe(t.rows.length);
    expect(html).toMatch(/<td class="num"><a href="source\/#L\d+" title="原文第\d+行">1,051.74<\/a><\/td>/);
    expect(html).toContain('<a href="/x/t9.csv" download="x-t9.csv">下载本表 CSV</a>');
  });
  it('indents codes by level: 类, 款, 项', async () => {
    const html = await render(AttachedTable, { table: tableOf('departmentExpenditure') });
    expect(html).toContain('<tr class="level-class"><th scope="row" class="code">201</th>');
    expect(html).toContain('<tr class="level-section"><th scope="row" class="code">20103</th>');
    expect(html).toContain('<tr class="level-item"><th scope="row" class="code">2010350</th>');
  });
  it('spans merged header cells over their columns', async () => {
    const html = await render(AttachedTable, { table: tableOf('fiscalSummary') });
    expect(html).toContain('<th scope="col" colspan="2">收入</th><th scope="col" colspan="5">支出</th>');
  });
  it('shows an empty table with a note instead of hiding it', async () => {
    const html = await render(AttachedTable, { table: tableOf('governmentFund') });
    expect(html).toContain('本表无数据（原文为空表）');
    expect(html).toContain('<caption');
    const noted = await render(AttachedTable, { table: { ...tableOf('governmentFund'), note: '本单位无政府性基金预算支出' } });
    expect(noted).toContain('>本单位无政府性基金预算支出</td>');
  });
});

describe('narrative tables', () => {
  it('IncomeTable lists sources with the total and the stated change', async () => {
    const html = await render(IncomeTable, { record: kaizhou });
    expect(html).toContain('<th scope="row">一般公共预算拨款</th><td class="num"><a href="source/#L44" title="原文第44行">1,483.96</a></td>');
    expect(text(html)).toContain('收入比2025年 +132.02 万元（+9.77%）。原因：一般公共预算拨款增加132.02万元');
  });
  it('FunctionTable shows the 类/款/项 hierarchy from an attached table when there is one', async () => {
    const html = await render(FunctionTable, { record: jiulongpo });
    expect(html).toContain('支出预算（按功能分类科目，类/款/项）');
    expect(html).toContain('<th scope="col" class="num">基本支出</th>');
    expect(html).toContain('<tr class="level-item"><th scope="row" class="code">2010399</th><td class="name">其他政府办公厅（室）及相关机构事务支出</td>');
  });
  it('FunctionTable falls back to the 类 stated in the narrative', async () => {
    const html = await render(FunctionTable, { record: kaizhou });
    expect(html).toContain('<th scope="row">一般公共服务支出</th><td class="num"><a href="source/#L46" title="原文第46行">1,301.88</a></td>');
  });
  it('SpendingSplit shows 基本/项目 with change, reason and purpose', async () => {
    const html = await render(SpendingSplit, { record: kaizhou });
    expect(html).toContain('>+97.02</a>');
    expect(html).toContain('变化原因：人员净增和职级晋升相应增加的工资福利支出等');
    expect(html).toContain('主要用途：政务服务等重点工作');
  });
  it('ThreePublicTable shows items with changes and reasons, and marks inferred amounts', async () => {
    const tp: ThreePublic = { ...kaizhou.threePublic, vehiclePurchase: { ...kaizhou.threePublic.vehiclePurchase, inferred: true } };
    const html = await render(ThreePublicTable, { record: seedWith('000', { threePublic: tp }) });
    expect(html).toContain('<th scope="row">公务接待费</th><td class="num"><a href="source/#L55" title="原文第55行">1.60</a></td>');
    expect(html).toContain('进一步压缩“三公”支出，确保办公运行正常支出');
    expect(count(html, /class="num derived"/g)).toBe(1);
    expect(html).toContain('<span class="derived-label">推算</span>');
    expect(await render(ThreePublicTable, { record: kaizhou })).not.toContain('推算');
  });
  it('ProcurementTable shows both the total and the 一般公共预算 part', async () => {
    const html = await render(ProcurementTable, { record: kaizhou, procurement: kaizhou.procurement });
    expect(html).toContain('<th scope="row">货物</th><td class="num"><a href="source/#L61" title="原文第61行">5.00</a></td><td class="num"><a href="source/#L61" title="原文第61行">5.00</a></td>');
  });
});

describe('other blocks', () => {
  it('OperatingExpenses states when the unit is out of scope, or the amount with its change', async () => {
    expect(await render(OperatingExpenses, { operatingExpenses: kaizhou.operatingExpenses, year: 2026 })).toContain('不在机关运行经费统计范围之内');
    const html = await render(OperatingExpenses, { operatingExpenses: yuzhong.operatingExpenses, year: 2026 });
    expect(html).toContain('>253.48</a>');
    expect(html).toContain('>-19.75</a>');
  });
  it('PerformanceSummary shows the covered amount and each project’s indicators', async () => {
    const html = await render(PerformanceSummary, { performance: jiulongpo.performance, targets: jiulongpo.performanceTargets, level: 5 });
    expect(html).toContain('>886.93</a>');
    expect(html).toMatch(/<h5 id="target-1">项目绩效目标：电子政务保障经费<\/h5>/);
    expect(html).toContain('<th scope="row" class="reason">保障31台服务器和12个电子政务系统的正常运行</th>');
  });
  it('AssetsSummary counts vehicles held and planned', async () => {
    const html = await render(AssetsSummary, { assets: yuzhong.assets });
    expect(html).toContain('截至2025年12月现有');
    expect(html).toMatch(/<th scope="row">合计<\/th><td class="num"><a href="source\/#L138" title="原文第138行">10<\/a><\/td><td class="num"><a href="source\/#L138" title="原文第138行">14<\/a><\/td>/);
  });
  it('Duties lists each subordinate unit’s duties under its name', async () => {
    const html = await render(Duties, { duties: yuzhong.duties, level: 4 });
    expect(count(html, /<h4>/g)).toBe(4);
    expect(html).toContain('<h4>重庆市渝中区机关事务服务中心</h4>');
    expect(html).toContain('<li>负责区政府会议的筹备工作，协助区政府领导组织召开会议及其决定事项的实施。</li>');
  });
  it('Structure tabulates subordinate units with kind, 机构规格, 经费渠道 and staff', async () => {
    const html = await render(Structure, { structure: yuzhong.structure });
    expect(html).toContain('<th scope="row">重庆市渝中区政府办公室（本级）</th><td>行政单位</td><td>正处（县）级</td><td>财政全额拨款</td>');
    expect(html).toMatch(/>43<\/a><\/td><td class="num"><a [^>]+>47<\/a><\/td><td class="num"><a [^>]+>14<\/a>/);
  });
  it('TermsUsed lists the document’s terms with definitions', async () => {
    const html = await render(TermsUsed, { glossary: kaizhou.glossary });
    expect(html).toContain('<dt>“三公”经费</dt>');
    expect(count(html, /<dt>/g)).toBe(kaizhou.glossary.length);
  });
});

describe('Findings', () => {
  const record = seedWith('004', {
    release: {
      status: 'published', publishAt: null,
      acknowledgements: [{ code: 'change.impossible-year', explanation: '系笔误，应为“较2025年”。' }],
      corrections: [{ date: '2026-03-20', note: '更正支出预算比较年份。' }],
    },
  });
  it('labels severities in Chinese, links the line and shows the acknowledgement beside its finding', async () => {
    const html = await render(Findings, { findings: record.findings, release: record.release });
    const item = html.match(/<li class="finding finding-error" id="finding-\d+" data-code="change.impossible-year">.*?<\/li>/)![0];
    expect(item).toContain('<span class="severity">错误</span>');
    expect(item).toContain('<a href="source/#L24" title="原文第24行">原文第24行</a>');
    expect(item).toContain('<p class="acknowledgement"><strong>单位说明：</strong>系笔误，应为“较2025年”。</p>');
    expect(html).toContain('<span class="severity">提示</span>');
    expect(html).toContain('<span class="severity">说明</span>');
  });
  it('shows a text/table disagreement side by side: both amounts, both lines, and which one the page uses', async () => {
    const finding = {
      severity: 'warning' as const, code: 'table.text-disagrees', message: '正文第375行所述877.50万元，与表不一致', line: 375,
      disagreement: {
        figure: 'threePublic.total',
        statements: [
          { where: '正文', printed: '877.50万元', line: 375 },
          { where: '表「“三公”经费预算表」「合计」', printed: '8,675,000.00元', line: 371 },
        ],
        published: 0,
      },
    };
    const html = await render(Findings, { findings: [finding], release: record.release });
    const rows = [...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td class="num">(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['正文', '877.50万元', '<a href="source/#L375" title="原文第375行">第375行</a>', '是'],
      ['表「“三公”经费预算表」「合计」', '8,675,000.00元', '<a href="source/#L371" title="原文第371行">第371行</a>', '否'],
    ]);
    expect(html).toContain('本页的数字采用正文所述');
    const neither = await render(Findings, { findings: [{ ...finding, disagreement: { ...finding.disagreement, published: null } }], release: record.release });
    expect(neither).toContain('本页不采用其中任何一个数字');
    expect(neither).not.toContain('<td>是</td>');
  });
  it('CorrectionNotice lists corrections with their dates and links the earlier versions', async () => {
    const html = await render(CorrectionNotice, { corrections: record.release.corrections, earlier: [{ version: 1, href: '/x/y/2026/v1/' }] });
    expect(html).toContain('<h2 id="corrections-title">更正说明</h2>');
    expect(html).toContain('<time datetime="2026-03-20">2026-03-20</time>：更正支出预算比较年份。');
    expect(html).toMatch(/更正前的版本：<a href="\/x\/y\/2026\/v1\/">第1版<\/a>/);
    expect((await render(CorrectionNotice, { corrections: [], earlier: [] })).trim()).toBe('');
  });
  it('PreviewFindings: counts by severity, each code with its lines, advice and the sidecar lines to acknowledge it', async () => {
    const plain = seedWith('004', {});
    const html = await render(PreviewFindings, { record: plain, otherYears: [], published: true, preview: true });
    expect(html).toContain('错误 1 项');
    const item = html.slice(html.indexOf('data-code="change.impossible-year"'));
    expect(item).toContain('原文第24行');
    expect(item).toContain('请核对：');
    expect(item).toContain('<code>change.impossible-year</code>');
    expect(html).toContain('  - code: change.impossible-year\n    explanation: 请在此写明单位的说明');
    expect(html).toContain('<code>acknowledgements:</code>');
    expect(html).toContain('发布检查不会通过');
    // Acknowledged: the unit's explanation instead of the lines to add.
    const acked = await render(PreviewFindings, { record, otherYears: [], published: true, preview: true });
    expect(acked).toContain('单位已确认：</strong>系笔误');
    expect(acked).not.toContain('- code: change.impossible-year');
    expect((await render(PreviewFindings, { record, otherYears: [], published: true, preview: false })).trim()).toBe('');
  });
  it('says so when there is nothing to report', async () => {
    expect(await render(Findings, { findings: [], release: kaizhou.release })).toContain('未发现需要说明的问题');
  });
});

describe('source text and coverage', () => {
  it('SourceText gives every line an id so #L12 lands on it', async () => {
    const html = await render(SourceText, { lines: kaizhou.source.lines, file: kaizhou.source.file });
    expect(count(html, /<li id="L\d+">/g)).toBe(kaizhou.source.lines.length);
    expect(html).toContain('<li id="L12"><a class="ln" href="#L12" aria-label="第12行">12</a>');
    expect(html).toContain('<li id="L44">');
  });
  it('Unrecognised lists the lines verbatim with links', async () => {
    const coverage = { lines: 3, unrecognised: [{ line: 2, text: '无法识别的一行' }] };
    const html = await render(Unrecognised, { coverage });
    expect(html).toContain('以下原文内容未能自动识别，照录如下');
    expect(html).toContain('<a href="source/#L2" title="原文第2行">第2行</a>：<span class="text">无法识别的一行</span>');
  });
});

describe('escaping', () => {
  it('renders document text as text, never as markup', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = await render(Paragraph, { text: hostile });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('escapes headings and paragraphs of a whole section', async () => {
    const section = { id: 's9', kind: 'unknown' as const, depth: 1, number: '九、', title: '<b>标题</b>', line: 3, paragraphs: [{ text: '<script>x()</script>', line: 4 }] };
    const html = await render(DocumentSection, { record: kaizhou, page: { section, level: 2, paragraphs: section.paragraphs, blocks: [] } });
    expect(html).toContain('<h2 id="s9" class="doc-heading kind-unknown"><span class="doc-number">九、</span>&lt;b&gt;标题&lt;/b&gt;');
    // Paragraphs go through the glossary linker, which escapes `<` as &#x3C; (hast-util-to-html).
    expect(html).toMatch(/<p>(?:&lt;|&#x3C;)script(?:&gt;|>)x\(\)(?:&lt;|&#x3C;)\/script(?:&gt;|>)<\/p>/);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('Downloads', () => {
  it('links the record JSON and every table CSV with file names carrying unit and year', async () => {
    const html = await render(Downloads, { record: jiulongpo });
    const base = `/${jiulongpo.slug.district}/${jiulongpo.slug.unit}/2026/`;
    expect(html).toContain(`href="${base}record.json" download="${jiulongpo.slug.district}-${jiulongpo.slug.unit}-2026.json"`);
    expect(html).toContain(`href="${base}t9.csv" download="${jiulongpo.slug.district}-${jiulongpo.slug.unit}-2026-t9.csv"`);
    expect(html).toContain(`href="${base}three-public.csv"`);
    expect(count(html, /\.csv" download=/g)).toBe(jiulongpo.tables.length + 3);
  });
});
