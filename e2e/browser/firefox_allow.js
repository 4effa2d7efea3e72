// Run by WebDriver BiDi in Firefox's privileged scope (firefox.go,
// allowExtensionHost): waits up to 10 s for the prompt that the extension
// id's permissions.request shows in the tab of the BiDi browsing context
// tabContext, and answers it as a click on its "Allow" button does (what
// it granted, the test reads after: ExtensionHosts). Resolves with
// "allowed", or what is missing.
async function (id, tabContext) {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const { TabManager } = ChromeUtils.importESModule('chrome://remote/content/shared/TabManager.sys.mjs');
  const browsingContext = NavigableManager.getBrowsingContextById(tabContext);
  if (!browsingContext) return 'no tab ' + tabContext;
  const tab = TabManager.getTabForBrowsingContext(browsingContext);
  const win = TabManager.getWindowForTab(tab);
  for (let i = 0; i < 100; i++) {
    const prompt = win.PopupNotifications.getNotification('addon-webext-permissions', tab.linkedBrowser);
    if (prompt) {
      prompt.mainAction.callback();
      prompt.remove();
      return 'allowed';
    }
    await new Promise((r) => win.setTimeout(r, 100));
  }
  return 'no prompt within 10 s';
}
