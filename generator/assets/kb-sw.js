// The service worker of the installable site. generator/offline/shell.py writes it into the site
// as sw.js, after `const KB = {...}`: its version (a hash of the files it keeps from the start),
// the day the site was built, those files, the page that says a page is not saved, and how long
// to wait for the network.
//
// Caches:
//   kb-shell-<version>          the theme, the site's scripts and styles, the icons, the offline,
//                               not-saved and capture pages with the capture page's data
//   kb-pages-<version>          every page and file the reader opened
//   kb-pack:<product>:<hash>    a saved product pack (written by assets/kb-offline.js)
// A new version drops the shell and pages caches of the old one; a pack stays until its page
// finds that the pack's content hash changed and saves it again (kb-offline.js).
//
// The shell's files are served from the phone. Every other request goes to the network first.
// When the network fails, or has not answered within KB.wait milliseconds, the phone's copy is
// served, and a page served so shows its notice
// (theme/main.html: "no network, or too slow: this page comes from the phone", with the day of
// the site).
// Offline, a page the phone does not keep leads to the page that says so.

const BASE = new URL("./", self.location.href);
const SHELL = `kb-shell-${KB.version}`;
const PAGES = `kb-pages-${KB.version}`;
const NOTICE = "data-kb-from-phone hidden";
// Never kept as they are opened: the list of search shards (offline, search reads the saved
// packs instead), the search log and the readers' verdicts, the worker itself and the packs'
// files (saved as packs).
const NOT_KEPT = /^(pagefind\/shards\.json|assets\/kb-(search-log|feedback)\.txt|sw\.js|packs\/)/;
// Of the site's own search bundles only Pagefind's code is kept, not the index itself.
const SEARCH_BUNDLE = /^pagefind\//;
const SEARCH_CODE = /^pagefind\/[^/]+\/(pagefind(-worker)?\.js|wasm\.[a-z-]+\.pagefind)$/;
const LARGEST_KEPT = 20 * 1024 * 1024; // a video an engineer opened is not kept
// The shell's files (not its pages) change only with the worker's version: served from the
// phone at once, online too.
const SHELL_FILES = new Set(KB.shell.filter((url) => url !== "" && !url.endsWith("/")));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(KB.shell.map((url) => new Request(new URL(url, BASE), { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const old = (name.startsWith("kb-shell-") && name !== SHELL) || (name.startsWith("kb-pages-") && name !== PAGES);
        if (old) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // A pack being saved asks the network alone (assets/kb-offline.js marks its requests).
  if (request.method !== "GET" || request.headers.has("x-kb-pack")) return;
  const url = new URL(request.url);
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return;
  const path = url.pathname.slice(BASE.pathname.length);
  if (path === "sw.js") return;
  if (path === "pagefind/shards.json") event.respondWith(networkOnly(request));
  else if (SHELL_FILES.has(path)) event.respondWith(shellFirst(event, request, path));
  else event.respondWith(networkFirst(event, request, path));
});

async function shellFirst(event, request, path) {
  const kept = await caches.match(request, { cacheName: SHELL });
  return kept || networkFirst(event, request, path);
}

/** The list of search shards from the network, or, offline, an answer that says so
 *  (assets/kb-search.js then searches the saved packs). */
async function networkOnly(request) {
  try {
    return await fetch(request);
  } catch {
    const offline = JSON.stringify({ shards: [], offline: true });
    return new Response(offline, { headers: { "content-type": "application/json", "x-kb-offline": "1" } });
  }
}

async function networkFirst(event, request, path) {
  const network = fromNetwork(request, path).then((response) => {
    if (keeps(request, response, path)) keep(event, request, response.clone());
    return response;
  });
  const answer = await Promise.race([
    network.then(
      (response) => ({ response }),
      () => ({ failed: true }),
    ),
    new Promise((resolve) => setTimeout(() => resolve({ late: true }), KB.wait)),
  ]);
  if (answer.response) return answer.response;
  const kept = await fromPhone(request);
  if (kept) return kept;
  try {
    return await network; // late rather than never
  } catch {
    return notKept(request, path);
  }
}

/** A page from the server itself, not from the browser's own cache, which would answer offline
 *  as if it were the network (and the page would not say that it comes from the phone). */
async function fromNetwork(request, path) {
  if (!(path === "" || path.endsWith("/") || path.endsWith(".html"))) return fetch(request);
  // A navigation's request cannot be copied with other options: asked for anew by its address.
  const response = await fetch(request.url, { cache: "no-cache", credentials: "same-origin", headers: request.headers });
  if (response.redirected && request.mode === "navigate") return Response.redirect(response.url, 302);
  return response;
}

function keeps(request, response, path) {
  if (!response.ok || response.status !== 200 || response.type !== "basic" || request.headers.has("range")) return false;
  if (NOT_KEPT.test(path) || (SEARCH_BUNDLE.test(path) && !SEARCH_CODE.test(path))) return false;
  return Number(response.headers.get("content-length") || 0) <= LARGEST_KEPT;
}

/** The page or file as the reader opened it, by its address without a query (search/?q=…
 *  is the search page). */
function keep(event, request, response) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const kept = caches.open(PAGES).then((cache) => cache.put(url.href, response));
  try {
    event.waitUntil(kept);
  } catch {
    // answered from the phone already: the copy is still kept, only not waited for
  }
}

/** The phone's copy, from any cache: the shell, the pages opened, the saved packs. */
async function fromPhone(request) {
  const kept = await caches.match(request, { ignoreSearch: true, ignoreVary: true });
  return kept ? served(kept) : null;
}

/** A kept copy as the page expects it: inflated when a pack stored it compressed, and a page
 *  with its notice showing. */
async function served(kept) {
  const headers = new Headers(kept.headers);
  let body = kept.body;
  if (headers.has("x-kb-inflate")) {
    body = body.pipeThrough(new DecompressionStream("gzip"));
    headers.delete("x-kb-inflate");
    headers.delete("content-length");
  }
  if ((headers.get("content-type") || "").startsWith("text/html")) {
    const page = await new Response(body).text();
    headers.delete("content-length");
    return new Response(page.replace(NOTICE, "data-kb-from-phone"), { status: 200, headers });
  }
  return new Response(body, { status: kept.status, statusText: kept.statusText, headers });
}

/** Offline, a page the phone does not keep: the page that says so, told which page it was. */
function notKept(request, path) {
  if (request.mode !== "navigate" || path === KB.missing) return Response.error();
  const missing = new URL(KB.missing, BASE);
  missing.searchParams.set("page", new URL(request.url).pathname);
  return Response.redirect(missing.href, 302);
}
