// The benchmark cases' files, shared by the scripts of tests/bench/.
// `province`: the scenario's nine district files (tests/fixtures/files/scenario);
// `nation`: 76 provinces' target tables, loaded first (not timed), then their
// 912 reports (target/bench/nation, examples/make_bench.rs); any other name: a
// file of target/bench/ (or an absolute path; a folder: every file in it).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, FIXTURES } from '../e2e/harness.mjs';

export const BENCH = path.join(ROOT, 'target/bench');
const SCENARIO = path.join(FIXTURES, 'scenario');
const NATION = path.join(BENCH, 'nation');

/** The files of `dir` whose names pass `keep`, sorted, as paths. */
const listed = (dir, keep = () => true) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter(keep).sort().map((n) => path.join(dir, n)) : []);

/** The scenario's nine district files. */
export const PROVINCE = listed(SCENARIO, (n) => /^0\d-/.test(n));

/** The files of case `name`, dropped at once. */
export function filesOf(name) {
  if (name === 'province') return PROVINCE;
  if (name === 'nation') return listed(path.join(NATION, 'reports'));
  const at = path.isAbsolute(name) ? name : path.join(BENCH, name);
  return fs.statSync(at).isDirectory() ? listed(at) : [at];
}

/** The target tables loaded before case `name` (the nation's), untimed. */
export function targetsOf(name) {
  return name === 'nation' ? listed(NATION, (n) => n.startsWith('targets-')) : [];
}
