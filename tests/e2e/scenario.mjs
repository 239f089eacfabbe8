// The nine-district scenario of tests/fixtures/files/scenario, and its figures,
// shared by the Chromium (run.mjs) and Firefox (firefox.mjs) suites.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './harness.mjs';

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
