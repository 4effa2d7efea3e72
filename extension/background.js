// The extension's background (a service worker in Chromium, an event page
// in Firefox): it keeps the polyfill registered as content scripts, its
// wasm_exec.js and xdomainrequest.js in the page's main world at
// document_start in every frame, on the sites it is told to, and on no
// other (docs/extension.md). The sites come from two lists:
// - the administrator's, managed storage "sites" (schema.json; Chromium's
//   3rdparty extension policy, Firefox's policies.json "3rdparty" or a
//   managed storage manifest);
// - the user's, storage.local "userSites", each added by the toolbar
//   button on the current site once the browser has granted that host.
// It comes in two forms (make dist), this same script in both: for users,
// the manifest's hosts are optional_host_permissions, none held at
// install, each asked for by the button; for installs by policy
// (dist/extension-managed/), host_permissions, which a browser grants a
// policy install, never optional ones. Either way the lists alone decide
// where the polyfill runs. Nothing here listens to pages: the polyfill in
// the page has no channel to this script, to extension APIs or to the
// lists.
'use strict';

var api = typeof browser !== 'undefined' ? browser : chrome;
var SCRIPT_ID = 'xdomainrequest', URL_SCRIPT_ID = 'xdomainrequest-url';
var FILES = ['wasm_exec.js', 'xdomainrequest.js'];
var ENABLE_TITLE = 'Enable XDomainRequest on this site';
var DISABLE_TITLE = 'XDomainRequest is on for this site (click to turn it off)';

// A match pattern for http or https pages: scheme (or *), host (*, *.name
// or a name), then a path.
var PATTERN = /^(https?|\*):\/\/(\*|(\*\.)?[^\/*:]+)\/.*$/;
function patterns(list) {
  return Array.isArray(list) ? list.filter(function (p) { return typeof p === 'string' && PATTERN.test(p); }) : [];
}

function adminSites() {
  // Rejects where no managed storage is set up (Firefox without a policy).
  return api.storage.managed.get('sites').then(function (v) { return patterns(v && v.sites); }, function () { return []; });
}
function userSites() {
  return api.storage.local.get('userSites').then(function (v) { return patterns(v && v.userSites); });
}

// sitePattern is the pattern the button adds for a tab's page: its scheme
// and host, any path (a match pattern has no port: every port of the host).
function sitePattern(url) {
  try {
    var u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.protocol + '//' + u.hostname + '/*';
  } catch (e) {
    return '';
  }
}

// sync makes the registered content script match the two lists (none
// registered when both are empty). Calls are queued, one at a time.
var queue = Promise.resolve();
function resync() {
  queue = queue.then(sync).catch(function (e) { console.error('XDomainRequest extension: ' + (e && e.message || e)); });
  return queue;
}
// Two scripts, in this order: wasm_url.js in the extension's isolated
// world (it tells Firefox's main-world loader where the wasm is), then the
// polyfill in the page's main world.
function sync() {
  return Promise.all([adminSites(), userSites(), api.scripting.getRegisteredContentScripts()]).then(function (r) {
    var sites = r[0].concat(r[1]).filter(function (p, i, all) { return all.indexOf(p) === i; });
    var registered = r[2].map(function (s) { return s.id; }).sort().join(' ');
    var common = { matches: sites, runAt: 'document_start', allFrames: true, persistAcrossSessions: true };
    var scripts = [
      Object.assign({ id: URL_SCRIPT_ID, js: ['wasm_url.js'], world: 'ISOLATED' }, common),
      Object.assign({ id: SCRIPT_ID, js: FILES, world: 'MAIN' }, common)
    ];
    // The two registered already: changed in place (no moment without them).
    if (sites.length && registered === [SCRIPT_ID, URL_SCRIPT_ID].sort().join(' ')) return api.scripting.updateContentScripts(scripts);
    var gone = registered ? api.scripting.unregisterContentScripts({ ids: registered.split(' ') }) : Promise.resolve();
    if (!sites.length) return gone;
    return gone.then(function () { return api.scripting.registerContentScripts(scripts); });
  });
}

// enableSite and disableSite are what the button does once the browser has
// answered.
function enableSite(pattern) {
  return userSites().then(function (list) {
    if (list.indexOf(pattern) < 0) list.push(pattern);
    return api.storage.local.set({ userSites: list });
  }).then(resync);
}
// A site turned off gives its host back where the button asked for it
// (the form for users; the other's hosts are not the button's to give).
function disableSite(pattern) {
  return userSites().then(function (list) {
    return api.storage.local.set({ userSites: list.filter(function (p) { return p !== pattern; }) });
  }).then(resync).then(function () {
    if (!api.runtime.getManifest().optional_host_permissions) return undefined;
    return api.permissions.remove({ origins: [pattern] });
  });
}

// The toolbar button: on a page of a site the user has not enabled, asks
// for that host (the browser prompts for a host not held yet: in the form
// for users, each site's first click; in the other, only where the user
// has withheld sites, Chromium's site access "on click" or "on specific
// sites", Firefox's per-extension permissions), and, once granted, adds
// the site and reloads
// the tab so that its first script finds XDomainRequest; on an enabled
// one, removes it. permissions.request is called first, in the click's own
// turn: Firefox grants a prompt only there.
api.action.onClicked.addListener(onButton);
function onButton(tab) {
  var pattern = sitePattern(tab && tab.url);
  if (!pattern) return Promise.resolve('not a web page');
  return api.permissions.request({ origins: [pattern] }).then(function (granted) {
    return answered(tab, pattern, granted);
  }).catch(function (e) {
    console.error('XDomainRequest extension: ' + (e && e.message || e));
    return 'failed: ' + (e && e.message || e);
  });
}
// answered is the rest of the click, once the browser has answered.
function answered(tab, pattern, granted) {
  return userSites().then(function (list) {
    if (list.indexOf(pattern) >= 0) {
      return disableSite(pattern).then(function () { return title(tab.id, ENABLE_TITLE); }).then(function () { return 'disabled'; });
    }
    if (!granted) return 'refused';
    return enableSite(pattern).then(function () {
      return title(tab.id, DISABLE_TITLE);
    }).then(function () { return api.tabs.reload(tab.id); }).then(function () { return 'enabled'; });
  });
}
function title(tabId, text) { return api.action.setTitle({ tabId: tabId, title: text }); }

// A host the user takes back in the browser's own settings leaves the list.
api.permissions.onRemoved.addListener(function (removed) {
  var gone = (removed && removed.origins) || [];
  userSites().then(function (list) {
    var kept = list.filter(function (p) { return gone.indexOf(p) < 0; });
    if (kept.length !== list.length) return api.storage.local.set({ userSites: kept }).then(resync);
    return undefined;
  });
});
api.storage.onChanged.addListener(function (changes, area) {
  if (area === 'managed' || (area === 'local' && changes.userSites)) resync();
});
api.runtime.onInstalled.addListener(resync);
api.runtime.onStartup.addListener(resync);
resync();
