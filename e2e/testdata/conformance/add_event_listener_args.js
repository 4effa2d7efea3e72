// TestConformanceEvents, "addEventListener keeps EventTarget's arguments".
function () {
  var x = new XDomainRequest(), got = [], conversions = 0;
  function err(f) { try { f(); return 'none'; } catch (e) { return e.name; } }
  got.push('one argument: ' + err(function () { x.addEventListener('load'); }));
  got.push('a symbol: ' + err(function () { x.addEventListener(Symbol('load'), function () {}); }));
  got.push('no listener: ' + err(function () { x.addEventListener('load', null); }));
  x.addEventListener({ toString: function () { conversions++; return 'load'; } }, function () { got.push('heard'); }, { once: true });
  got.push('converted ' + conversions);
  x.dispatchEvent(new Event('load'));
  x.dispatchEvent(new Event('load'));
  var other = new EventTarget();
  XDomainRequest.prototype.addEventListener.call(other, 'ping', function () { got.push('other heard'); });
  other.dispatchEvent(new Event('ping'));
  got.push('lengths ' + XDomainRequest.prototype.addEventListener.length + ' ' + XDomainRequest.prototype.dispatchEvent.length);
  return got;
}
