// A page that sets XDomainRequestConfig and at once calls open() towards
// ?<endpoint on 127.0.0.1>, an intranet address (allowed to this Internet
// page only with allowAnyZone), in its first inline script: the call
// starts the extension's Go side then, with the configuration of that
// moment. window.zoneOpen: "opened" or the message open() threw.
window.XDomainRequestConfig = { allowAnyZone: true };
try {
  new XDomainRequest().open('GET', decodeURIComponent(location.search.slice(1)) + '/xdr.txt');
  window.zoneOpen = 'opened';
} catch (e) {
  window.zoneOpen = e.message;
}
