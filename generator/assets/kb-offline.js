// The site on a phone without network.
//
// - Registers the service worker (assets/kb-sw.js, served as sw.js at the site's root), which
//   keeps the theme, the scripts and every page the reader opens.
// - Offline packs (generator/search/packs.py): on a product's page and on the offline page, each
//   pack shows its size and whether it is saved; "save" downloads its archive, puts each page
//   together from the archive's columns and stores every file of it, compressed, in a cache of
//   its own (kb-pack:<product>:<hash>), "remove" deletes that cache. A
//   saved pack whose content hash differs from the site's saves itself again once the phone is
//   online. assets/kb-search.js asks here which packs are saved when it has no network.
// - The page that says a page is not saved names the page that was asked for.

const LABELS = {
  zh: {
    checking: "正在查看这台手机上保存了什么……",
    size: (size, pages) => `下载 ${size}，${pages} 个页面。`,
    saved: (size, pages, day) => `已保存在这台手机上：${size}，${pages} 个页面（${day}保存）。`,
    stale: "网站上有更新的版本：联网时会自动更新。",
    saving: (done, total) => `正在保存…… ${percent(done, total)}%（${megabytes(done)} / ${megabytes(total)}）`,
    storing: "正在存进手机……",
    updating: "网站上有新版本，正在更新……",
    failed: (reason) => `没有保存成功（${reason}）。请在网络好的地方再试一次。`,
    offline: "现在没有网络，不能保存；有网络时再来。",
    unsupported: "这个浏览器不能离线保存网页。请用手机上的 Chrome、Edge 或 Safari 打开本站。",
    update: "现在更新",
    storage: (count, size) => (count ? `这台手机上保存了 ${count} 个产品包，共 ${size}。` : "这台手机上还没有保存产品包。"),
    missing: (page) => `要打开的页面：${page}`,
  },
  en: {
    checking: "Looking at what this phone keeps…",
    size: (size, pages) => `Download ${size}, ${pages} pages.`,
    saved: (size, pages, day) => `Saved on this phone: ${size}, ${pages} pages (saved ${day}).`,
    stale: "The site has a newer version: it updates itself when the phone is online.",
    saving: (done, total) => `Saving… ${percent(done, total)}% (${megabytes(done)} of ${megabytes(total)})`,
    storing: "Storing on the phone…",
    updating: "The site has a newer version: updating…",
    failed: (reason) => `Not saved (${reason}). Try again where the network is good.`,
    offline: "No network now: saving needs it. Come back when you are online.",
    unsupported: "This browser cannot keep pages offline. Open the site in Chrome, Edge or Safari on your phone.",
    update: "Update now",
    storage: (count, size) => (count ? `This phone keeps ${count} product pack${count === 1 ? "" : "s"}, ${size} in all.` : "This phone keeps no product pack yet."),
    missing: (page) => `The page asked for: ${page}`,
  },
};

const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const t = LABELS[language];
const materialConfig = JSON.parse(document.getElementById("__config")?.textContent || "{}");
const siteRoot = new URL((materialConfig.base || ".").replace(/\/?$/, "/"), location.href);
export const PACK_CACHE = "kb-pack:";
const FROM_NETWORK = { cache: "no-store", headers: { "x-kb-pack": "1" } }; // the service worker lets these through
const STORED_AT_ONCE = 32;
const UPDATE_EVERY_MS = 10 * 60 * 1000;

// ---- the service worker --------------------------------------------------------------------

function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname }).catch(() => {});
}

// ---- packs ---------------------------------------------------------------------------------

const canKeep = () =>
  "caches" in window && "serviceWorker" in navigator && "DecompressionStream" in window && "CompressionStream" in window;

/** The packs saved on this phone, each as its manifest's summary with the day it was saved. */
export async function savedPacks() {
  if (!("caches" in window)) return [];
  const packs = [];
  for (const name of (await caches.keys()).sort()) {
    if (!name.startsWith(PACK_CACHE)) continue;
    const product = name.slice(PACK_CACHE.length).split(":")[0];
    // caches.match, not caches.open: opening a cache deleted meanwhile would make it anew
    const kept = await caches.match(new URL(`packs/${product}.json`, siteRoot).href, { cacheName: name });
    if (kept) packs.push(await kept.json());
  }
  return packs;
}

/** Every pack of the site (packs/index.json), or null without network. */
async function sitePacks() {
  try {
    const response = await fetch(new URL("packs/index.json", siteRoot), FROM_NETWORK);
    return response.ok ? (await response.json()).packs : null;
  } catch {
    return null;
  }
}

/** Download a pack's archive and keep each of its files under its own address. */
export async function savePack(product, progress = () => {}) {
  const manifest = await (await checked(fetch(new URL(`packs/${product}.json`, siteRoot), FROM_NETWORK))).json();
  const response = await checked(fetch(new URL(manifest.archive, siteRoot), FROM_NETWORK));
  const archive = await readAll(response, manifest.bytes, progress);
  const name = `${PACK_CACHE}${product}:${manifest.hash}`;
  await caches.delete(name);
  const cache = await caches.open(name);
  let saved;
  try {
    saved = await storePack(cache, archive, manifest);
  } catch (error) {
    await caches.delete(name); // half a pack is none: the one saved before, if any, stays
    throw error;
  }
  for (const other of await caches.keys()) {
    if (other.startsWith(`${PACK_CACHE}${product}:`) && other !== name) await caches.delete(other);
  }
  navigator.storage?.persist?.().catch(() => {});
  return saved;
}

/** Every file of the pack into its cache, then its manifest's summary, which marks it saved. */
async function storePack(cache, archive, manifest) {
  const { entries, columns, ...summary } = manifest;
  const stores = await unpacked(archive, columns, entries, cache);
  let kept = 0; // bytes on the phone: the pages compressed one by one take more than in the archive
  for (let from = 0; from < stores.length; from += STORED_AT_ONCE) {
    const sizes = await Promise.all(stores.slice(from, from + STORED_AT_ONCE).map((store) => store()));
    kept += sizes.reduce((sum, size) => sum + size, 0);
  }
  const saved = { ...summary, kept, saved: new Date().toISOString() };
  const json = { headers: { "content-type": "application/json" } };
  await cache.put(new URL(manifest.manifest, siteRoot).href, new Response(JSON.stringify(saved), json));
  return saved;
}

async function checked(pending) {
  const response = await pending;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

async function readAll(response, total, progress) {
  const reader = response.body.getReader();
  const bytes = new Uint8Array(total);
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > total) throw new Error("archive larger than its manifest says");
    bytes.set(value, got);
    got += value.length;
    progress(got, total);
  }
  if (got !== total) throw new Error("archive cut short");
  return bytes;
}

/** How to store each file of the archive: a page put together from its parts in the columns
 *  (each column one gzip stream, the pages' parts one after the other), any other file as it is. */
async function unpacked(archive, columns, entries, cache) {
  const inflated = await Promise.all(columns.map((place) => inflate(archive.subarray(place.offset, place.offset + place.length))));
  const read = inflated.map(() => 0);
  return entries.map((entry) => {
    if (!entry.parts) return () => storeFile(cache, archive, entry);
    const parts = entry.parts.map((length, column) => inflated[column].subarray(read[column], (read[column] += length)));
    return () => storePage(cache, entry, parts);
  });
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A page, kept compressed on its own (the service worker inflates it when it serves it); its size kept. */
async function storePage(cache, entry, parts) {
  const compressed = await new Response(new Blob(parts).stream().pipeThrough(new CompressionStream("gzip"))).blob();
  const headers = { "content-type": entry.type, "x-kb-inflate": "1" };
  await cache.put(new URL(entry.url, siteRoot).href, new Response(compressed, { headers }));
  return compressed.size;
}

async function storeFile(cache, archive, entry) {
  const headers = { "content-type": entry.type };
  if (entry.inflate) headers["x-kb-inflate"] = "1"; // the service worker inflates it when it serves it
  const body = new Blob([archive.subarray(entry.offset, entry.offset + entry.length)]);
  await cache.put(new URL(entry.url, siteRoot).href, new Response(body, { headers }));
  return body.size;
}

export async function removePack(product) {
  for (const name of await caches.keys()) {
    if (name.startsWith(`${PACK_CACHE}${product}:`)) await caches.delete(name);
  }
}

let updating = null;

/** Save again every saved pack whose content changed on the site: online, at most every ten
 *  minutes (and whenever the phone comes online). */
function updatePacks(force = false) {
  const last = Number(sessionStorage.getItem("kb-packs-checked") || 0);
  if (!canKeep() || !navigator.onLine || updating || (!force && Date.now() - last < UPDATE_EVERY_MS)) return updating;
  updating = (async () => {
    const saved = await savedPacks();
    if (!saved.length) return;
    const site = await sitePacks();
    if (!site) return;
    sessionStorage.setItem("kb-packs-checked", String(Date.now()));
    for (const pack of saved) {
      const now = site.find((other) => other.product === pack.product);
      if (now && now.hash !== pack.hash) {
        showPack(pack.product, { text: t.updating, busy: true });
        await savePack(pack.product).catch(() => {});
      }
    }
  })().finally(() => {
    updating = null;
    refreshPacks();
  });
  return updating;
}

// ---- what a page shows of packs ------------------------------------------------------------

function percent(done, total) {
  return Math.floor((100 * done) / Math.max(total, 1));
}

function megabytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function day(iso) {
  return new Date(iso).toLocaleDateString(language === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", day: "numeric" });
}

function packBoxes(product) {
  const boxes = [...document.querySelectorAll(".kb-pack[data-product]")];
  return product ? boxes.filter((box) => box.dataset.product === product) : boxes;
}

/** Say something in a pack's box; `save` and `remove` show the buttons, `busy` disables them. */
function showPack(product, { text, save = false, remove = false, busy = false, saveLabel = null }) {
  for (const box of packBoxes(product)) {
    box.querySelector(".kb-pack-status").textContent = text;
    const saveButton = box.querySelector(".kb-pack-save");
    const removeButton = box.querySelector(".kb-pack-remove");
    saveButton.hidden = !save;
    removeButton.hidden = !remove;
    saveButton.disabled = removeButton.disabled = busy;
    saveButton.dataset.label ||= saveButton.textContent;
    saveButton.textContent = saveLabel || saveButton.dataset.label;
  }
}

let refreshes = 0;

async function refreshPacks() {
  const boxes = packBoxes();
  const storage = document.querySelector(".kb-offline-storage");
  if (!boxes.length && !storage) return;
  if (!canKeep()) {
    for (const box of boxes) showPack(box.dataset.product, { text: t.unsupported });
    return;
  }
  const mine = ++refreshes;
  const [saved, site] = await Promise.all([savedPacks(), sitePacks()]);
  if (mine !== refreshes) return; // a later look is under way: what this one found may be out of date
  for (const box of boxes) {
    const product = box.dataset.product;
    if (box.dataset.busy) continue;
    const kept = saved.find((pack) => pack.product === product);
    const now = site?.find((pack) => pack.product === product);
    if (kept) {
      const stale = now && now.hash !== kept.hash;
      const text = t.saved(megabytes(kept.kept ?? kept.bytes), kept.pages, day(kept.saved)) + (stale ? ` ${t.stale}` : "");
      showPack(product, { text, save: stale, remove: true, saveLabel: stale ? t.update : null });
    } else if (now) {
      showPack(product, { text: t.size(megabytes(now.bytes), now.pages), save: true });
    } else {
      showPack(product, { text: t.offline });
    }
  }
  if (storage) {
    storage.textContent = t.storage(saved.length, megabytes(saved.reduce((sum, pack) => sum + (pack.kept ?? pack.bytes), 0)));
    storage.hidden = false;
  }
}

async function onSave(product) {
  const boxes = packBoxes(product);
  boxes.forEach((box) => (box.dataset.busy = "1"));
  showPack(product, { text: t.checking, save: true, busy: true });
  try {
    await savePack(product, (done, total) => {
      showPack(product, { text: done === total ? t.storing : t.saving(done, total), save: true, busy: true });
    });
  } catch (error) {
    boxes.forEach((box) => delete box.dataset.busy);
    showPack(product, { text: navigator.onLine ? t.failed(error.message) : t.offline, save: navigator.onLine });
    return;
  }
  boxes.forEach((box) => delete box.dataset.busy);
  await refreshPacks();
}

async function onRemove(product) {
  showPack(product, { text: t.checking, busy: true, remove: true });
  await removePack(product);
  await refreshPacks();
}

function setUpPacks() {
  for (const box of packBoxes()) {
    if (box.dataset.ready) continue;
    box.dataset.ready = "1";
    box.querySelector(".kb-pack-save").addEventListener("click", () => onSave(box.dataset.product));
    box.querySelector(".kb-pack-remove").addEventListener("click", () => onRemove(box.dataset.product));
    showPack(box.dataset.product, { text: t.checking });
  }
  refreshPacks();
}

function nameMissingPage() {
  const shown = document.querySelector(".kb-missing-page");
  const page = new URLSearchParams(location.search).get("page");
  if (!shown || !page) return;
  shown.textContent = t.missing(page);
  shown.hidden = false;
}

// ---- start, and again after every instant navigation ---------------------------------------

function onPage() {
  setUpPacks();
  nameMissingPage();
  updatePacks();
}

registerWorker();
window.addEventListener("online", () => updatePacks(true));
if (window.document$) window.document$.subscribe(onPage);
else onPage();
window.kbOffline = { savedPacks, savePack, removePack, updatePacks };
