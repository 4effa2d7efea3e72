// Run by WebDriver BiDi in Firefox's privileged scope (firefox.go,
// clickExtensionButton): selects the tab of the BiDi browsing context
// tabContext, then runs the browser action of the extension id there as a
// click on its toolbar button does (onClicked, with user input). Resolves
// with "clicked", or what is missing.
async function (id, tabContext) {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(id);
  if (!extension) return 'no extension ' + id;
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const { TabManager } = ChromeUtils.importESModule('chrome://remote/content/shared/TabManager.sys.mjs');
  const browsingContext = NavigableManager.getBrowsingContextById(tabContext);
  if (!browsingContext) return 'no tab ' + tabContext;
  const tab = TabManager.getTabForBrowsingContext(browsingContext);
  const win = TabManager.getWindowForTab(tab);
  win.gBrowser.selectedTab = tab;
  const action = ExtensionParent.apiManager.global.browserActionFor(extension);
  if (!action) return 'no browser action';
  action.triggerAction(win);
  return 'clicked';
}
