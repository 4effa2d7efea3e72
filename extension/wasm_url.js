// A content script in the extension's own (isolated) world, run just
// before the polyfill's files in the page's main world (background.js
// registers the two in this order). Firefox names a main-world script
// "<anonymous code>" on the stack, so the loader cannot learn from it where
// xdomainrequest.wasm is: this script gives it the URL, under a property
// of the page's window that the loader reads once and deletes before any
// script of the page runs (document_start). In Chromium there is no
// wrappedJSObject; the loader finds its chrome-extension:// URL on the stack.
(function () {
  'use strict';
  var page = window.wrappedJSObject;
  if (!page) return;
  var api = typeof browser !== 'undefined' ? browser : chrome;
  page.__xdomainrequest_wasm_url__ = api.runtime.getURL('xdomainrequest.wasm');
})();
