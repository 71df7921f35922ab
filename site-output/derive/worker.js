// The engine in a Web Worker, so a long derivation never freezes the page; derive.js restarts the
// worker when an answer takes longer than 10 s. The TeaVM bundle (UMD) defines self.derive and
// self.verify (web.WebDerive). Each request is answered twice: the derivation as soon as it is derived
// ({ part: 'derived' }, the JSON up to the result), then, when the page asks for it with { verify: id }
// once the derivation is on screen, the rest after the numerical check ({ part: 'checked' }: layouts,
// NumPy, verification); or once, with an error. Checking after the page has shown the steps, not
// meanwhile, keeps the check from competing with their typesetting and paint (DeriveBrowserBenchmark:
// the derivation on screen earlier, the check done later), and a request typed past is never checked.
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
// The derivation the engine keeps for its check (the last one answered): { id, started, derivedMs }.
let derived = null;

self.onmessage = (event) => {
  const q = event.data;
  if (q.verify !== undefined) {
    check(q.verify);
    return;
  }
  derived = null;
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
  const times = { engineFrom, engineTo, workerAt, receivedAt };
  const first = run(() => self.derive(q.expr, q.wrt, q.where));
  const derivedMs = performance.now() - started;
  if (first.restart || first.json.startsWith('{"error":')) {
    self.postMessage({ id: q.id, part: 'checked', json: first.json, ms: derivedMs, derivedMs, restart: first.restart, ...times });
    return;
  }
  self.postMessage({ id: q.id, part: 'derived', json: first.json, ms: derivedMs, derivedMs, restart: false, ...times });
  derived = { id: q.id, started, derivedMs, times };
};

/** The check of the derivation answered last, if it is request id's (an older one was typed past). */
function check(id) {
  const d = derived;
  derived = null;
  if (!d || d.id !== id) {
    return;
  }
  const checkedAt = performance.now();
  const rest = run(() => self.verify());
  self.postMessage({ id, part: 'checked', json: rest.json, ms: d.derivedMs + performance.now() - checkedAt,
    derivedMs: d.derivedMs, restart: rest.restart, ...d.times });
}

/** { json, restart }: the engine's answer, or an error and a fresh worker when the engine threw. */
function run(call) {
  try {
    return { json: call(), restart: false };
  } catch (e) {
    // A JavaScript stack overflow (deep nesting) or an engine bug: the same words as the command line,
    // and a fresh worker, since the engine may have stopped half-way through its state.
    const message = e instanceof RangeError
      ? 'too large to derive: the expression is nested too deeply or its differential grows too large (stack exhausted)'
      : 'internal error in the engine';
    return { json: JSON.stringify({ error: { part: 'expr', where: 'in the expression', line: 1, column: 1, message } }), restart: true };
  }
}
