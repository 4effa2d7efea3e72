'use strict';
// js/45-dispatch.js: the events reach the page: the on* handler first,
// then addEventListener listeners in the order added; a handler that
// throws is reported (reportError) and stops nothing; open() or abort()
// from a handler stops the events after it.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const small = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'body']], end: 0 });

test('the on* handler runs first, then the listeners in the order added, with this and target the object', async () => {
  const page = await newPage({ serve: small });
  const x = new page.XDR(), seen = [];
  // (currentTarget is EventTarget's own in a dispatch: Node's differs from a browser's)
  const who = (name) => function (ev) {
    seen.push(name + ' ' + ev.type + ' this=' + (this === x) + ' target=' + (ev.target === x));
  };
  x.addEventListener('load', who('listener 1'));
  x.onload = who('onload');  // set after a listener: still first
  x.addEventListener('load', who('listener 2'));
  x.onprogress = who('onprogress');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(seen, [
    'onprogress progress this=true target=true',
    'onload load this=true target=true',
    'listener 1 load this=true target=true',
    'listener 2 load this=true target=true',
  ]);
});

test('a handler without listeners sees an event that reads as dispatched', async () => {
  const page = await newPage({ serve: small });
  const x = new page.XDR();
  let during = null, after = null;
  x.onload = function (ev) {
    during = [ev.type, ev.target === x, ev.currentTarget === x, ev.eventPhase, ev.composedPath().length, ev instanceof page.g.Event];
    after = ev;
  };
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(during, ['load', true, true, 2, 1, true]);
  assert.deepStrictEqual([after.target === x, after.currentTarget, after.eventPhase], [true, null, 0]);
});

test('a handler that throws is reported with reportError, and the events after it still come', async () => {
  // (With listeners the events are dispatched, and what a listener throws
  // is EventTarget's to report: Node's makes it an uncaught exception.)
  const page = await newPage({ serve: small });
  const x = new page.XDR(), seen = [];
  x.onprogress = () => { seen.push('x onprogress'); throw new Error('progress handler broke'); };
  x.onload = () => { seen.push('x onload'); throw new TypeError('load handler broke'); };
  const y = new page.XDR();
  y.onload = () => { seen.push('y onload'); throw new RangeError('y broke too'); };
  request(x, 'GET', 'http://api.example/x');
  request(y, 'GET', 'http://api.example/y');
  await page.run(10);
  assert.deepStrictEqual(seen, ['x onprogress', 'x onload', 'y onload']);
  assert.deepStrictEqual(page.log.filter((l) => l.startsWith('reportError')), [
    'reportError Error: progress handler broke',
    'reportError TypeError: load handler broke',
    'reportError RangeError: y broke too',
  ]);
});

for (const call of ['abort', 'open']) {
  test(call + '() in onprogress stops the onload after it (the listeners of that onprogress still run)', async () => {
    const page = await newPage({ serve: small });
    const x = new page.XDR(), seen = [];
    x.onprogress = () => {
      seen.push('onprogress ' + JSON.stringify(x.responseText));
      if (call === 'abort') x.abort(); else x.open('GET', 'http://api.example/again');
    };
    x.addEventListener('progress', () => seen.push('progress listener'));
    x.onload = () => seen.push('onload');
    x.addEventListener('load', () => seen.push('load listener'));
    request(x, 'GET', 'http://api.example/');
    await page.run(50);
    assert.deepStrictEqual(seen, ['onprogress "body"', 'progress listener']);
    assert.strictEqual(x.responseText, '', 'the response cleared by ' + call + '()');
  });
}

test('abort() in one object\'s handler does not stop another object\'s events', async () => {
  const page = await newPage({ serve: small });
  const x = page.watch(new page.XDR(), 'x'), y = page.watch(new page.XDR(), 'y');
  x.onprogress = () => y.abort();
  request(x, 'GET', 'http://api.example/x');
  request(y, 'GET', 'http://api.example/y');
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x load "body" "text/plain" @1']);
});

test('a listener of another type, added with the object\'s addEventListener, leaves the handlers of other types direct', async () => {
  const page = await newPage({ serve: small });
  const x = new page.XDR(), seen = [];
  x.addEventListener('error', () => seen.push('error listener'));
  x.onload = (ev) => seen.push('onload ' + ev.type);
  x.addEventListener('load', { handleEvent: (ev) => seen.push('listener object ' + ev.type) });
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(seen, ['onload load', 'listener object load']);
});

test('dispatchEvent by the page reaches the on* handler and the listeners', async () => {
  const page = await newPage();
  const x = new page.XDR(), seen = [];
  x.onload = () => seen.push('onload');
  x.addEventListener('load', () => seen.push('listener'));
  x.dispatchEvent(new page.g.Event('load'));
  assert.deepStrictEqual(seen, ['onload', 'listener']);
});
