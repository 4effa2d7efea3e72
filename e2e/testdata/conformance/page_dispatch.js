// TestConformanceEvents, "an event the page dispatches reaches the handler".
function () {
  var x = new XDomainRequest(), got = [];
  x.onload = function (ev) { got.push('onload ' + (this === x) + ' ' + (ev.target === x) + ' ' + ev.eventPhase); };
  x.ontimeout = function () { got.push('ontimeout'); };
  got.push('returned ' + x.dispatchEvent(new Event('load')));
  x.dispatchEvent(new CustomEvent('timeout'));
  x.dispatchEvent(new Event('other'));
  try { x.dispatchEvent({type: 'load'}); } catch (e) { got.push(e.name); }
  return got;
}
