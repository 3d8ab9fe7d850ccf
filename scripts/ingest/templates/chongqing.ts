/**
 * Chongqing 部门预算 / 单位预算情况说明 (the seeds, and the variants in __tests__/fixtures/variants/):
 * 一、/（一）/1./（1） headings, sections named by vocabulary in any order, attached tables after the text
 * with a "附表：1.…表" list.
 */
import type { Template } from './types.ts';

const CN_NUM = '一二三四五六七八九十百零〇';

export const chongqing: Template = {
  id: 'chongqing',
  description: 'Chongqing department and unit budget disclosures: 一、/（一）/1./（1） headings, attached tables at the end.',
  headingStyles: [
    { depth: 1, re: new RegExp(`^([${CN_NUM}]+\\s*[、.,])\\s*(.*)$`) },
    { depth: 2, re: new RegExp(`^(\\(\\s*[${CN_NUM}]+\\s*\\)[、.]?)\\s*(.*)$`) },
    // "1.2026年…表" is numbered; "1.5万元" is not.
    { depth: 3, re: /^(\d{1,2}\s*[、.])(?=\d{4}年|[^\d]|$)\s*(.*)$/ },
    { depth: 4, re: /^(\(\s*\d{1,2}\s*\)[、.]?)\s*(.*)$/ },
    { depth: 4, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$/ },
  ],
  sections: [
    { kind: 'threePublic', re: /三公/ },
    { kind: 'otherMatters', re: /其他重要事项|其他相关情况|其他.{0,4}说明|其他事项/ },
    { kind: 'operatingExpenses', re: /机关运行经费|运行经费/ },
    { kind: 'procurement', re: /政府采购/ },
    { kind: 'performance', re: /绩效/ },
    { kind: 'assets', re: /国有资产|资产占有|资产情况/ },
    { kind: 'glossary', re: /名词解释|名词说明|术语/ },
    { kind: 'duties', re: /职能职责|主要职能|主要职责|职责/ },
    { kind: 'structure', re: /单位构成|部门构成|机构设置|机构情况|内设机构|人员构成|单位组成|部门组成/ },
    { kind: 'basicInfo', re: /基本情况|部门概况|单位概况|概况/ },
    { kind: 'budgetExplanation', re: /财政拨款(?!.*表\)?$)|一般公共预算(?:拨款)?.*支出(?!.*表\)?$)|政府性基金.*支出|国有资本经营.*支出/ },
    { kind: 'overview', re: /收支.{0,4}总体情况|收支预算总体|总体情况|收支情况/ },
    { kind: 'income', re: /^收入预算|收入预算$|收入情况|^收入/ },
    { kind: 'expenditure', re: /^支出预算|支出预算$|支出情况|^支出/ },
    { kind: 'budgetExplanation', re: /预算情况说明|财政拨款.*说明|编制说明|预算说明/ },
    { kind: 'tables', re: /公开报表|附表|预算表|报表/ },
    { kind: 'contact', re: /联系人|联系方式|联系电话/ },
  ],
  tableTitles: [
    { kind: 'performanceTargets', re: /绩效目标/ },
    { kind: 'procurement', re: /政府采购/ },
    { kind: 'threePublic', re: /三公/ },
    { kind: 'fiscalSummary', re: /财政拨款收支/ },
    { kind: 'departmentSummary', re: /收支(预算)?总表/ },
    { kind: 'departmentIncome', re: /收入(预算)?总表/ },
    { kind: 'departmentExpenditure', re: /支出(预算)?总表/ },
    { kind: 'basicExpenditureGovEconomic', re: /^(?=.*政府预算(?:支出)?经济分类).*基本支出/ },
    { kind: 'basicExpenditure', re: /基本支出/ },
    { kind: 'projectExpenditureGovEconomic', re: /^(?=.*政府预算(?:支出)?经济分类).*项目支出/ },
    { kind: 'projectExpenditure', re: /项目支出/ },
    { kind: 'governmentFund', re: /政府性基金/ },
    { kind: 'stateCapitalBudget', re: /国有资本经营/ },
    { kind: 'generalBudgetExpenditure', re: /^(?=.*支出).*一般公共预算/ },
  ],
};
