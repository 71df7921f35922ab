// Runs cases through the TeaVM bundle in Node: node parity.js BUNDLE CASES.json OUT.json,
// where CASES is [[expr, wrt, where], ...] and OUT gets the engine's JSON answer for each, in order: as
// derive.html's worker asks it, derive (up to the result) then verify (the rest), the two joined into the
// command line's one document (or the error either gave).
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
    if (!answer.startsWith('{"error":')) {
      const rest = engine.verify();
      // DeriveJson.join: the second object's fields after the first's
      answer = rest.startsWith('{"error":') ? rest : answer.slice(0, -1) + ',' + rest.slice(1);
    }
  } catch (e) {
    answer = 'THROWN: ' + (e && e.name);
  }
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  answers.push(answer);
}
fs.writeFileSync(outFile, JSON.stringify({ answers, times }));
