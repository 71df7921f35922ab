// The engine in a Web Worker, so a long derivation never freezes the page; derive.js restarts the
// worker when an answer takes longer than 10 s. The TeaVM bundle (UMD) defines self.derive.
'use strict';
let engineLoaded = false;
// When the engine's download and start-up began and ended, in the page's clock (ms since its
// navigation), for the first answer's breakdown (data-engine-from/-to, DeriveBrowserBenchmark).
let engineFrom = -1;
let engineTo = -1;
const pageClock = () => performance.timeOrigin + performance.now();
// When this script began to run and when the first request arrived (the first answer's breakdown).
const workerAt = pageClock();
let receivedAt = -1;

self.onmessage = (event) => {
  const q = event.data;
  if (receivedAt < 0) {
    receivedAt = pageClock();
  }
  if (!engineLoaded) {
    engineFrom = pageClock();
    try {
      importScripts(q.engine);
      engineTo = pageClock();
      engineLoaded = typeof self.derive === 'function';
    } catch (e) {
      engineLoaded = false;
    }
    if (!engineLoaded) {
      self.postMessage({ id: q.id, failure: 'the engine could not be loaded' });
      return;
    }
  }
  const started = performance.now();
  let json;
  let restart = false;
  try {
    json = self.derive(q.expr, q.wrt, q.where);
  } catch (e) {
    // A JavaScript stack overflow (deep nesting) or an engine bug: the same words as the command line,
    // and a fresh worker, since the engine may have stopped half-way through its state.
    restart = true;
    const message = e instanceof RangeError
      ? 'too large to derive: the expression is nested too deeply or its differential grows too large (stack exhausted)'
      : 'internal error in the engine';
    json = JSON.stringify({ error: { part: 'expr', where: 'in the expression', line: 1, column: 1, message } });
  }
  self.postMessage({ id: q.id, json, ms: performance.now() - started, restart, engineFrom, engineTo, workerAt, receivedAt });
};
