// Run by WebDriver BiDi in Firefox's privileged scope (firefox.go,
// extensionHosts): the match patterns of the hosts Firefox holds for the
// extension id (granted at install or later), as JSON.
async function (id) {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(id);
  if (!extension) throw new Error('no extension ' + id);
  // (Its own moz-extension:// origin is always among them: left out.)
  return JSON.stringify(extension.allowedOrigins.patterns.map((p) => p.pattern).filter((p) => !p.startsWith('moz-extension:')).sort());
}
