// TestRedirectEngineFacts: what a page's fetch sees of a redirect, with
// redirect: 'manual', followed, and with targetAddressSpace 'public'.
async function (manual, follow, publicURL) {
  var out = {};
  var m = await fetch(manual, { redirect: 'manual', mode: 'cors', credentials: 'omit' });
  out.manual = { type: m.type, status: m.status, url: m.url, location: m.headers.get('location'), headers: Array.from(m.headers.keys()).length };
  var f = await fetch(follow, { mode: 'cors', credentials: 'omit' });
  out.follow = { redirected: f.redirected, url: f.url };
  try { await fetch(publicURL, { mode: 'cors', credentials: 'omit', targetAddressSpace: 'public' }); out.public = 'answered'; }
  catch (e) { out.public = 'refused'; }
  return out;
}
