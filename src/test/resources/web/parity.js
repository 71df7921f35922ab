// Runs cases through the TeaVM bundle in Node: node parity.js BUNDLE CASES.json OUT.json,
// where CASES is [[expr, wrt, where], ...] and OUT gets the engine's JSON answer for each, in order.
'use strict';
const fs = require('fs');
const [bundle, casesFile, outFile] = process.argv.slice(2);
const engine = require(bundle);
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
const answers = [];
const times = [];
for (const [expr, wrt, where] of cases) {
  const started = process.hrtime.bigint();
  let answer;
  try {
    answer = engine.derive(expr, wrt, where);
  } catch (e) {
    answer = 'THROWN: ' + (e && e.name);
  }
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  answers.push(answer);
}
fs.writeFileSync(outFile, JSON.stringify({ answers, times }));
