// gen.js writes table.json: strings with the float64 that JavaScript's
// Number() reads each as (ECMA-262 §7.1.4.1.1, StringToNumber), for
// TestStringToNumberAgreesWithJS (xdr_tonumber_test.go).
//
// Regenerate, from the repository root, with Node 20 (the reference engine;
// no dependencies, deterministic: a seeded PRNG):
//
//	node testdata/tonumber/gen.js
//
// Each row of table.json is [string, bits]: bits is the float64 of
// Number(string) as 16 hexadecimal digits (big-endian, from a DataView, so
// NaN, -0 and Infinity are exact). Rows are unique and in the order made.
'use strict';

const fs = require('fs');
const path = require('path');

// mulberry32: a small seeded PRNG, so the table is the same on every run.
let seed = 29;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n); // 0 ≤ int(n) < n
const pick = (a) => a[int(a.length)];
const repeat = (n, f) => Array.from({ length: n }, f).join('');
const digits = (n, alphabet = '0123456789') => repeat(n, () => pick(alphabet));

const rows = new Map();
function add(s) {
  if (rows.has(s)) return;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number(s));
  rows.set(s, view.getBigUint64(0).toString(16).padStart(16, '0'));
}

// StrWhiteSpaceChar: WhiteSpace (TAB, VT, FF, ZWNBSP, every Zs) and
// LineTerminator (LF, CR, LS, PS).
const ws = [
  0x09, 0x0b, 0x0c, 0x20, 0xa0, 0xfeff, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
  0x0a, 0x0d, 0x2028, 0x2029,
].map((c) => String.fromCharCode(c));
// Space-like characters that are not StrWhiteSpaceChar (U+180E stopped
// being Zs in Unicode 6.3).
const notWs = [
  0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x0085, 0x00ad, 0x001c, 0x001d, 0x001e, 0x001f,
  0x0000, 0x0008, 0x007f, 0x034f, 0x061c, 0x200e, 0x200f, 0x2800, 0x3164, 0xffa0, 0x115f,
  0x1160, 0xfe0f, 0xfffe, 0xfff9, 0x0080, 0x009f, 0x2061, 0x2062, 0x2063, 0x2064, 0xffef,
  0x1d159, 0xe0020, 0xff10, 0xff15, 0x0660, 0x0665, 0x06f5, 0x0966, 0xff0b, 0x2212, 0xfe63,
].map((c) => String.fromCodePoint(c));

// The cases and the grammar's corners.
[
  '5000\u3000', '\u00a05000', '0x10', '0b11', '0o17', 'Infinity', '1e3', '5000', '',
  '+Infinity', '-Infinity', 'infinity', 'INFINITY', 'Infinity1', 'Infinityx', '+-Infinity',
  '-+Infinity', '++Infinity', 'Infinit', 'Inf', '+Inf', 'inf', '+inf', '-inf', 'INF', 'nan',
  'NaN', 'NAN', '+NaN', '0x1p3', '0x1P3', '0x1p-2', '0x1.8p1', '0X1P+3', '1_000', '1_0.5',
  '1.0_5', '1e1_0', '_1', '1_', '._5', '.5_', '0x_10', '0x1_0', '0b1_1', '0o1_7', '0_x10',
  '1__0', 'Infinity_', '1e', '1e+', '1e-', 'e5', 'E5', '.', '+.', '-.', '.e1', '..5', '1..2',
  '1.2.3', '1e1.5', '1e1e1', '1e++1', '1e+-1', '1ee1', '0.0', '-0', '+0', '-0.0', '-0e5',
  '+0.0e-0', '-.0', '-0.', '00', '007', '-007', '0.', '5.', '.5', '+.5e-3', '5.e3', '+5.',
  '-.5', '1E3', '1e+3', '1e-3', '1E-3', '1e03', '1e0003', '0e0', '0e-0', '-0e-999999',
  '0x', '0X', '0b', '0B', '0o', '0O', '0x0', '0b0', '0o0', '0xG', '0b2', '0o8', '0o78',
  '0b102', '0x1.5', '0x1e3', '0x1E3', '0xe', '0xE', '0xabcdef', '0xABCDEF', '0xaBcDeF',
  '00x10', '0x0x10', '0x 10', '0 x10', '0x10 ', ' 0x10', '0x-1', '0x+1', '+0x10', '-0x10',
  '+0b11', '-0b11', '+0o17', '-0o17', '+0X10', '-0B1', '-0O7', '0xffffffff', '0x100000000',
  '0b', '0b1', '0o', '0o7', '0h10', '0d10', '0t10', '08', '09', '010', '0777', '-010',
  '1.5e', '1.5e+', '.e', 'e', '+', '-', '+-1', '--1', '++1', '-+1', '1-', '1+', '1+1',
  '1 1', '1\u00a01', '1\u30001', '5 000', '5,000', '5.000,0', '0,5', '1/2', '\u0035\u0030',
  'true', 'false', 'null', 'undefined', '[]', '{}', '5000ms', '5s', '1e3s', '5000\0',
  '\0' + '5000', '0.5e-0', '123456789012345678901234567890', '-1', '-1.0', '-1e0', '-0.1e1',
  '-1.5', '-2', '2147483647', '2147483648', '2147483646.5', '4294967295', '4294967296',
  '9007199254740991', '9007199254740992', '9007199254740993', '9007199254740994',
  '9007199254740995', '9007199254740993.0000000001', '9007199254740992.9999999999',
  '18446744073709551615', '18446744073709551616', '1e21', '1e22', '1e23', '8.98846567431158e307',
  '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
  '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792',
  '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791',
  '1e308', '1e309', '-1e309', '2e308', '1e-307', '2.2250738585072014e-308',
  '2.2250738585072011e-308', '2.2250738585072012e-308', '4.9406564584124654e-324',
  '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '2.47032822920623272e-324',
  '1e-324', '3e-324', '1e-400', '-1e-400', '1e99999', '1e-99999', '1e999999999999',
  '1e-999999999999', '0e999999999999', '1e4294967296', '1e-4294967296', '1e2147483647',
  '1e2147483648', '1e-2147483648', '1e-2147483649', '0.1', '0.2', '0.3', '0.1e1',
  '3.14159265358979323846264338327950288', '2.718281828459045', '1e-7', '123e-2',
].forEach(add);

// Blank strings: every StrWhiteSpaceChar alone, in pairs, all of them.
ws.forEach((c) => { add(c); add(c + c); ws.forEach((d) => add(c + d)); });
add(ws.join(''));
add(ws.slice().reverse().join(''));
for (let i = 0; i < 40; i++) add(repeat(1 + int(8), () => pick(ws)));

// Every StrWhiteSpaceChar leading, trailing and on both sides of values.
const values = ['5000', '0', '-1', '-0', '1e3', '.5', '5.', '0x10', '0b11', '0o17', 'Infinity',
  '-Infinity', '+5', '2147483647', '1_000', '0x1p3', 'inf', 'abc', '-0x10'];
for (const c of ws) {
  for (const v of values) {
    add(c + v); add(v + c); add(c + v + c);
    add(c + pick(ws) + v + pick(ws) + c);
  }
  // Inside a literal white space is not white space.
  add('50' + c + '00'); add('0x' + c + '10'); add('-' + c + '5'); add('1e' + c + '3');
}
// Characters that are not StrWhiteSpaceChar: around, alone, among spaces.
for (const n of notWs) {
  for (const v of ['5000', '0', '0x10', 'Infinity', '']) {
    add(n + v); add(v + n); add(n + v + n);
    add(' ' + n + v); add(v + n + ' '); add(pick(ws) + n + pick(ws) + v + pick(ws));
  }
  add('50' + n + '00');
}

// Prefixed literals: signs, each prefix with its digits and beyond.
const radixes = [['x', '0123456789abcdefABCDEF'], ['b', '01'], ['o', '01234567']];
for (const [p, alphabet] of radixes) {
  for (const P of [p, p.toUpperCase()]) {
    for (let len = 1; len <= 24; len++) {
      const d = digits(len, alphabet);
      add('0' + P + d); add('+0' + P + d); add('-0' + P + d); add(' 0' + P + d + '\t');
      add('0' + P + d + '.'); add('0' + P + d + 'n'); add('0' + P + d + '_' + d);
    }
    for (const bad of '89aAgGxX.-+e _') add('0' + P + '1' + bad + '1');
  }
}
// Beyond 2^53 and the float64 range: ties, sticky bits, long strings.
const hex = (n) => '0x' + n.toString(16);
for (let k = 0n; k < 12n; k++) {
  const two53 = 1n << 53n;
  for (const shift of [0n, 1n, 3n, 8n, 11n, 64n, 200n, 970n, 971n]) {
    const n = (two53 + k) << shift;
    add(hex(n)); add('0b' + n.toString(2)); add('0o' + n.toString(8));
    add(hex(n + 1n)); add(hex(n - 1n)); add(hex(n) + '0'); add('0o' + (n + 1n).toString(8));
  }
}
const maxHalf = ((1n << 54n) - 1n) << 970n; // halfway from the greatest float64 to 2^1024
for (const n of [maxHalf, maxHalf - 1n, maxHalf + 1n, maxHalf >> 1n, (1n << 1024n) - 1n, 1n << 1024n, 1n << 1023n]) {
  add(hex(n)); add('0b' + n.toString(2)); add('0o' + n.toString(8)); add(n.toString());
}
for (const [p, alphabet] of radixes) {
  for (let i = 0; i < 250; i++) {
    const len = pick([10, 14, 15, 16, 18, 20, 22, 40, 54, 55, 60, 64, 65, 100, 200, 256, 257, 300, 350, 1030, 1100]);
    let d = pick(alphabet.slice(1)) + digits(len - 1, alphabet);
    if (i % 3 === 0) d = d.slice(0, 1 + int(len)) + '0'.repeat(int(len)); // trailing zeros
    if (i % 5 === 0) d = d.slice(0, 1 + int(20)) + '0'.repeat(int(200)) + pick(alphabet.slice(1)); // a far sticky bit
    add('0' + p + d);
  }
}

// Decimal literals near the timeout's range and 2^53.
for (const base of [2n ** 31n - 1n, 2n ** 31n, 2n ** 53n, 2n ** 64n]) {
  for (let k = -6n; k <= 6n; k++) {
    const n = (base + k).toString();
    add(n); add(n + '.5'); add(n + '.4999999999999999999'); add(n + '.5000000000000000001');
    add('-' + n); add(n + '.0'); add(n.slice(0, -3) + '.' + n.slice(-3) + 'e3');
    add(n + 'e0'); add('0.' + n + 'e' + n.length);
  }
}

// Exact halfway points between neighbouring float64s, and a hair either
// side: the hard cases of correct rounding.
function exactDecimal(m, e) { // m·2^e as a decimal string
  if (e >= 0) return (m << BigInt(e)).toString();
  const s = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return (s.slice(0, s.length + e) + '.' + s.slice(s.length + e)).replace(/0+$/, '');
}
function randomDouble() {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, int(2 ** 32)); view.setUint32(4, int(2 ** 32));
    const x = Math.abs(view.getFloat64(0));
    if (Number.isFinite(x)) return x;
  }
}
function halfway(x) { // m, e of the point halfway from x up
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const b = view.getBigUint64(0);
  let m = b & ((1n << 52n) - 1n);
  let e = Number(b >> 52n);
  if (e === 0) e = 1; else m |= 1n << 52n;
  return [2n * m + 1n, e - 1075 - 1];
}
for (let i = 0; i < 400; i++) {
  let x = randomDouble();
  if (i % 4 === 0) x = Math.abs(Number(int(2 ** 30) + 'e' + (int(640) - 330))); // wide range of sizes
  if (i % 7 === 0) x = int(2 ** 20) * 2 ** -1074; // subnormal
  const [m, e] = halfway(x);
  let s = exactDecimal(m, e);
  if (s.length > 1200) continue;
  add(s);
  add(s.includes('.') ? s + '0000000000000000000000001' : s + '.0000000000000000000000001');
  const cut = s.replace(/\.?\d$/, ''); // the last digit dropped: just below
  if (cut !== '') add(cut);
  if (s.length > 300) continue; // long ones in one form only
  add('-' + s);
  // the same in exponent form
  const digitsOnly = s.replace('.', '').replace(/^0+/, '');
  const dot = s.indexOf('.');
  const intLen = dot < 0 ? s.length : dot;
  const point = s.startsWith('0.') ? -(s.slice(2).match(/^0*/)[0].length) : intLen;
  add('0.' + digitsOnly + 'e' + point);
  add(digitsOnly[0] + '.' + digitsOnly.slice(1) + 'e' + (point - 1));
}

// Very long digit strings and huge exponents.
for (let i = 0; i < 30; i++) {
  const len = pick([20, 30, 50, 100, 400, 767, 768, 769, 799, 800, 801, 802, 1000, 2000]);
  const d = pick('123456789') + digits(len - 1);
  add(d); add('0.' + d); add(d + 'e-' + (len + int(330)));
  add(d.slice(0, 10) + '.' + d.slice(10) + 'e' + (int(640) - 320));
  add('0.' + '0'.repeat(int(400)) + d + 'e' + int(700));
}
for (const k of [17, 18, 19, 20, 21, 22, 23, 100, 308, 309, 310, 400, 1000]) {
  add('1' + '0'.repeat(k)); add('9'.repeat(k)); add('0.' + '0'.repeat(k) + '1');
  add('0.' + '9'.repeat(k)); add('1' + '0'.repeat(k) + 'e-' + (k + 300));
}
add('0'.repeat(5000) + '1');
add('0.' + '0'.repeat(10000) + '1e10001');
add('0.' + '0'.repeat(10000) + '12345e9700');
add('1' + '0'.repeat(10000) + 'e-10000');
add('1' + '0'.repeat(10000) + 'e-10310');
add('0.' + '0'.repeat(2000) + '1e99999999');
add('1e' + '0'.repeat(1000) + '5');
add('1e-' + '0'.repeat(1000) + '5');
add('1e' + '9'.repeat(30));
add('0e' + '9'.repeat(30));
add('1e-' + '9'.repeat(30));
for (let e = 280; e <= 330; e++) { add('1e' + e); add('1e-' + e); add('9.99e' + (e - 22)); add('2.5e-' + (e - 6)); }

// Random decimal strings that JavaScript prints, and their near misses.
for (let i = 0; i < 800; i++) {
  const x = (i % 2 ? 1 : -1) * randomDouble();
  add(String(x));
  add(x.toPrecision(1 + int(21)));
  add(x.toExponential(int(21)));
  if (Math.abs(x) < 1e21) add(x.toFixed(int(21)));
}

// Structured random literals, with and without white space.
for (let i = 0; i < 1500; i++) {
  let s = pick(['', '', '', '+', '-']);
  const intPart = digits(int(6)), fracPart = digits(int(6));
  s += intPart;
  if (int(2) || intPart === '') s += '.' + fracPart;
  if (int(3) === 0) s += pick('eE') + pick(['', '+', '-']) + digits(int(4));
  if (int(4) === 0) s = pick(ws) + s;
  if (int(4) === 0) s += pick(ws);
  add(s);
}

// Random compositions of a small alphabet.
const alphabet = [...'0123456789.eE+-xboXBOabcdef_n ', 'Infinity', 'Inf', 'inity', '0x', '0b',
  '0o', '\u00a0', '\u3000', '\t', '\u180e', '\u200b', '\ufeff', '\u2028', '1e', '.5', '00'];
for (let i = 0; i < 8000; i++) add(repeat(1 + int(10), () => pick(alphabet)));

const out = '[\n' + [...rows].map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
fs.writeFileSync(path.join(__dirname, 'table.json'), out);
console.log(`${rows.size} rows`);
