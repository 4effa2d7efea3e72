'use strict';
// The kept tables past their limits. 20 media types whose first() answers
// are kept (bodies ended at once); then 250 others in streamed bodies,
// whose answers are not kept but whose names fill the core's names table
// (255) until it reuses the indices the kept answers name, which must
// drop them; then the 20 again. The hosts: 290 of them (the verdicts
// start again at 256), and the first ones again.
const steps = [], responses = [];
const bytes = (s) => Array.from(Buffer.from(s));
const whole = (type, text) => ({ at: 1, status: 200, type, chunks: [{ at: 0, data: bytes(text) }], end: { at: 0 } });
const streamed = (type, text) => ({ at: 1, status: 200, type, chunks: [{ at: 0, data: bytes(text) }, { at: 30, data: bytes('!') }], end: { at: 5 } });
let k = 0;
function request(host, shape, body) {
  steps.push({ at: k * 100, ops: [{ x: 0, op: 'open', method: body === undefined ? 'GET' : 'POST', url: 'http://h' + host + '.example.com/' + k },
    { x: 0, op: 'send', body }] });
  responses.push(shape);
  k++;
}
const kept = (i) => 'text/kept-' + i + (i % 4 === 1 ? '; charset=utf-16le' : i % 4 === 2 ? '; charset=windows-1252' : '');
for (let i = 0; i < 20; i++) request(i, whole(kept(i), i % 2 ? 'é' + i : '\ufeffé' + i), i % 3 ? undefined : 'b');
for (let i = 0; i < 250; i++) request(20 + i, streamed('text/streamed-' + i, 'é' + i));
for (let i = 0; i < 20; i++) request(i, whole(kept(i), i % 2 ? 'é' + i : '\ufeffé' + i), i % 3 ? undefined : 'b');
for (let i = 0; i < 20; i++) request(i, whole(kept(i), 'x'));
module.exports = {
  note: 'The kept tables past their limits, then asked again.',
  page: { scheme: 'http:', host: 'www.page.example' },
  scripts: [{ objects: [{}], steps, responses }],
};
