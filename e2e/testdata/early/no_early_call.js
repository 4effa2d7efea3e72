
var early = new XDomainRequest();  // creating one and setting handlers needs no verdict
early.onload = function () {};
window.addEventListener("load", function () { window.loaded = true; });
