
function xdrStackError(e) {
  return e instanceof RangeError || (e && e.name === 'InternalError' && /recursion/.test(e.message));
}
function xdrExhaust(f) {
  var r = { ok: 0, stackErrors: 0, other: [], depth: -1 };
  function rec(depth) {
    try { rec(depth + 1); } catch (e) { if (r.depth < 0) r.depth = depth; }
    if (r.ok + r.other.length >= 50) return;
    try { f(depth); r.ok++; }
    catch (e) {
      if (xdrStackError(e)) r.stackErrors++;
      else r.other.push(String(e && e.message || e));
    }
  }
  rec(0);
  return r;
}
