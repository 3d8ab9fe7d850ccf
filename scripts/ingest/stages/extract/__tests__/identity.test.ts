import { describe, expect, it } from 'vitest';
import { extractIdentity, splitPlace } from '../identity.ts';
import { contextOf } from './doc.ts';

describe('identity', () => {
  it('reads the unit from the opening sentence, year and kind from the title', () => {
    const ctx = contextOf('关于2026年单位预算情况公开的公示\n渝开政务〔2026〕3号\n现将重庆市开州区政务信息中心2026年单位预算公开如下：\n一、基本情况\n本中心为开州区人民政府办公室管理的事业单位。\n联系人：张三  联系电话：023-12345678\n2026年3月11日\n');
    const id = extractIdentity(ctx);
    expect([id.unit, id.city, id.district, id.year, id.budgetKind]).toEqual(['重庆市开州区政务信息中心', '重庆市', '开州区', 2026, 'unitBudget']);
    expect([id.title, id.noticeKind, id.documentNumber, id.publicationDate]).toEqual(['关于2026年单位预算情况公开的公示', '公示', '渝开政务〔2026〕3号', '2026-03-11']);
    expect(id.contact).toEqual({ name: '张三', phone: '023-12345678', line: 6 });
    expect(ctx.provenance['identity.unit']).toBe(3);
  });

  it('reads a unit from a title wrapped over two lines', () => {
    const id = extractIdentity(contextOf('2018 年度江苏省高级\n人民法院预算公开\n一、部门概况\n'));
    expect(id.unit).toBe('江苏省高级人民法院');
  });

  it('reads a unit standing before the year', () => {
    expect(extractIdentity(contextOf('江苏省人民检察院2019年度部门预算公开\n')).unit).toBe('江苏省人民检察院');
  });

  it('splits the place off a unit name, never a 区政府 prefix', () => {
    expect(splitPlace('重庆市开州区政务信息中心')).toEqual({ city: '重庆市', district: '开州区' });
    expect(splitPlace('江苏省人民检察院')).toEqual({ city: '江苏省', district: null });
    expect(splitPlace('重庆市区政府办公室').district).toBeNull();
  });
});
