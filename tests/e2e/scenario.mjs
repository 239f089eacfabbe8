// The nine-district scenario of tests/fixtures/files/scenario, and its figures,
// shared by the Chromium (run.mjs), Firefox (firefox.mjs) and WebKit (webkit.mjs) suites.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, assertEq } from './harness.mjs';

/** The nine district reports, in order. */
export const SCENARIO = fs.readdirSync(path.join(FIXTURES, 'scenario')).filter((f) => f.startsWith('0')).sort()
  .map((f) => path.join(FIXTURES, 'scenario', f));

// Written by hand (see tests/import.rs and tests/sales.rs): online, KPI 1 score by
// table / by percent, sales, growth, KPI 2 score by table / by percent.
export const EXPECTED = {
  'เมืองสระแก้ว': [37, 3, 2, '75133146', '10.00', 5, 5],
  'คลองหาด': [15, 3, 3, '54000000', '5.20', 1, 1],
  'ตาพระยา': [14, 3, 3, '41569740', '8.00', 3, 3],
  'วังน้ำเย็น': [24, 3, 2, '34905288', '9.00', 4, 4],
  'วัฒนานคร': [26, 4, 3, '60062343', '7.00', 2, 1],
  'อรัญประเทศ': [20, 3, 2, '89879893', '7.00', 2, 2],
  'เขาฉกรรจ์': [22, 4, 4, '19562178', '8.00', 3, 2],
  'โคกสูง': [8, 3, 3, '24422002', '10.00', 5, 5],
  'วังสมบูรณ์': [13, 3, 2, '2200000000', '1.26', 1, 1],
};

/**
 * The scenario's figures under both scoring rules, in any browser: `choose(rule)`
 * selects a scoring rule (`table`, `percent`), `value(table, district, col)` reads
 * a cell's `data-value` (SPEC §8). Leaves the rule at `percent`.
 */
export async function checkScenario(choose, value) {
  for (const rule of ['table', 'percent']) {
    await choose(rule);
    for (const [d, e] of Object.entries(EXPECTED)) {
      assertEq(await value('kpi1', d, 'online'), String(e[0]), `${d} online`);
      assertEq(await value('kpi1', d, 'score'), String(rule === 'table' ? e[1] : e[2]), `${d} KPI 1 score by ${rule}`);
      assertEq(await value('kpi2', d, 'sales'), e[3], `${d} sales`);
      assertEq(await value('kpi2', d, 'growth'), e[4], `${d} growth`);
      assertEq(await value('kpi2', d, 'score'), String(rule === 'table' ? e[5] : e[6]), `${d} KPI 2 score by ${rule}`);
    }
    assertEq(await value('kpi1', 'province', 'online'), '179', 'province online');
    assertEq(await value('kpi1', 'province', 'percent'), '9.32', 'province percent');
    assertEq(await value('kpi1', 'province', 'products'), '1921', 'province products');
    assertEq(await value('kpi2', 'province', 'growth'), '2.22', 'province growth');
  }
}
