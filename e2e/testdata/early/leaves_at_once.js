
window.events = [];
var x = new XDomainRequest();
x.onload = function () { events.push("load:" + x.responseText); };
x.onerror = function () { events.push("error"); };
x.open("GET", location.search.slice(1) + "/early");
window.sentAt = performance.now();
x.send();
