// The document viewer: PDF.js (vendored under /lib/pdfjs, never a CDN) renders one page at a time to a canvas
// with a text layer for selection, search marks and the annotation layer. Blazor owns the toolbar and the lists;
// this module owns the page and tells .NET what the person did through the DotNetObjectReference.
import * as pdfjs from "/lib/pdfjs/pdf.min.mjs";
import { pageText, quoteOf, quoteOfParts, find, segmentsIn, rawOffset } from "/js/documents/page-text.js";
import { drawAnnotations, captureTools, roundFraction } from "/js/documents/annotation-layer.js";

pdfjs.GlobalWorkerOptions.workerSrc = "/lib/pdfjs/pdf.worker.min.mjs";
const viewers = new WeakMap();
const ZOOM_STEP = 1.25;

export async function open(host, dotnet, url) {
  const stage = host.querySelector("[data-role=stage]");
  const state = {
    host, dotnet, stage, pdf: null, page: 0, zoom: null, tool: "select", annotations: [], strokes: [],
    target: 0, texts: new Map(), hits: [], hit: -1, token: 0, renderTask: null, textLayer: null, geometry: null, width: 0,
  };
  viewers.set(host, state);
  state.loading = pdfjs.getDocument({
    url,
    cMapUrl: "/lib/pdfjs/cmaps/",
    cMapPacked: true,
    standardFontDataUrl: "/lib/pdfjs/standard_fonts/",
    wasmUrl: "/lib/pdfjs/wasm/",
    isEvalSupported: false,
    enableXfa: false,
  });
  try {
    state.pdf = await state.loading.promise;
  } catch (e) {
    return { pages: 0, error: e?.name || "error" };
  }
  state.resize = new ResizeObserver(() => {
    const width = stage.clientWidth;
    if (state.zoom === null && state.target && Math.abs(width - state.width) > 2) render(state, state.target);
  });
  state.resize.observe(stage);
  host.addEventListener("keydown", e => turnByKey(state, e));
  turnBySwipe(state);
  return { pages: state.pdf.numPages };
}

export function show(host, page) {
  const state = viewers.get(host);
  if (!state?.pdf) return;
  const n = Math.min(Math.max(1, page | 0), state.pdf.numPages);
  return render(state, n);
}

export function zoom(host, how) {
  const state = viewers.get(host);
  if (!state?.pdf || !state.target) return;
  const current = state.geometry?.scale ?? 1;
  state.zoom = how === "fit" ? null : Math.min(4, Math.max(0.25, how === "in" ? current * ZOOM_STEP : current / ZOOM_STEP));
  return render(state, state.target);
}

export function setAnnotations(host, annotations) {
  const state = viewers.get(host);
  if (!state) return;
  state.annotations = annotations;
  redrawMarks(state);
}

export function setTool(host, tool) {
  const state = viewers.get(host);
  if (!state) return;
  state.tool = tool;
  host.dataset.tool = tool;
  if (tool !== "ink") clearInk(host);
}

/** Searches every page; shows the first hit at or after the current page. */
export async function search(host, query) {
  const state = viewers.get(host);
  if (!state?.pdf) return { count: 0, index: -1, page: 0 };
  state.hits = [];
  for (let n = 1; n <= state.pdf.numPages; n++) {
    const text = await textOf(state, n);
    for (const hit of find(text, query)) state.hits.push({ page: n, ...hit });
  }
  const next = state.hits.findIndex(h => h.page >= state.page);
  return goToHit(state, state.hits.length ? Math.max(next, 0) : -1);
}

export function nextHit(host, step) {
  const state = viewers.get(host);
  if (!state?.hits.length) return { count: 0, index: -1, page: state?.page ?? 0 };
  return goToHit(state, (state.hit + step + state.hits.length) % state.hits.length);
}

async function goToHit(state, index) {
  state.hit = index;
  if (index >= 0) await render(state, state.hits[index].page);
  else markHits(state);
  return { count: state.hits.length, index, page: index >= 0 ? state.hits[index].page : state.page };
}

/** The text selected on this page as a highlight anchor: rects in page fractions and the quote. */
export async function captureHighlight(host) {
  const state = viewers.get(host);
  const selection = document.getSelection();
  if (!state?.geometry || !selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const layer = state.stage.querySelector(".textLayer");
  if (!layer || !layer.contains(range.commonAncestorContainer)) return null;
  const origin = layer.getBoundingClientRect();
  const rects = [];
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1) continue;
    rects.push(state.geometry.toFractionRect(r.left - origin.left, r.top - origin.top, r.width, r.height));
  }
  if (!rects.length) return null;
  const text = await textOf(state, state.page);
  const startSpan = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement).closest("span");
  const index = state.textLayer?.textDivs.indexOf(startSpan) ?? -1;
  // The offset within the span's whole text (a search mark may split it into several text nodes).
  let offset;
  if (index >= 0) {
    const before = document.createRange();
    before.setStart(startSpan, 0);
    before.setEnd(range.startContainer, range.startOffset);
    offset = text.starts[index] + before.toString().normalize("NFC").length;
  }
  const quote = quoteOf(text, selection.toString(), offset);
  selection.removeAllRanges();
  return { page: state.page, rects: merge(rects), quote };
}

/** The strokes drawn on this page since the ink tool was chosen, with the text under them. */
export async function takeInk(host) {
  const state = viewers.get(host);
  if (!state?.strokes.length) return null;
  const strokes = state.strokes;
  const xs = strokes.flatMap(s => s.filter((_, i) => i % 2 === 0));
  const ys = strokes.flatMap(s => s.filter((_, i) => i % 2 === 1));
  const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  const quote = await quoteUnder(state, box, false);
  clearInk(host);
  return { page: state.page, strokes, quote };
}

export function clearInk(host) {
  const state = viewers.get(host);
  if (!state) return;
  state.strokes = [];
  state.stage.querySelector(".pending-ink")?.replaceChildren();
}

export function dispose(host) {
  const state = viewers.get(host);
  if (!state) return;
  viewers.delete(host);
  state.resize?.disconnect();
  state.renderTask?.cancel();
  state.loading?.destroy();
}

/** Arrow keys turn pages anywhere in the viewer but in a field (where they move the caret or the choice). */
function turnByKey(state, e) {
  const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
  if (!step || e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, textarea, select, [contenteditable]")) return;
  if (turn(state, step)) e.preventDefault();
}

/**
 * A one-finger horizontal swipe on the page turns it. Not while zoomed in (pinch or the zoom buttons: the finger
 * then moves the page), not while drawing or placing a note, not a two-finger pinch.
 */
function turnBySwipe(state) {
  let start = null;
  state.stage.addEventListener("touchstart", e => {
    const t = e.touches[0];
    start = e.touches.length === 1 && state.tool === "select" ? { x: t.clientX, y: t.clientY, at: e.timeStamp } : null;
  }, { passive: true });
  state.stage.addEventListener("touchcancel", () => { start = null; }, { passive: true });
  state.stage.addEventListener("touchend", e => {
    const from = start;
    start = null;
    if (!from || e.touches.length || e.changedTouches.length !== 1) return;
    const dx = e.changedTouches[0].clientX - from.x, dy = e.changedTouches[0].clientY - from.y;
    const zoomed = (window.visualViewport?.scale ?? 1) > 1.05 || state.stage.scrollWidth > state.stage.clientWidth + 2;
    if (zoomed || Math.abs(dx) < 60 || Math.abs(dx) < 2 * Math.abs(dy) || e.timeStamp - from.at > 800) return;
    turn(state, dx < 0 ? 1 : -1);
  }, { passive: true });
}

function turn(state, step) {
  const n = state.target + step;
  if (!state.pdf || !state.target || n < 1 || n > state.pdf.numPages) return false;
  render(state, n);
  return true;
}

async function textOf(state, n) {
  if (!state.texts.has(n)) {
    const page = await state.pdf.getPage(n);
    state.texts.set(n, pageText(await page.getTextContent()));
  }
  return state.texts.get(n);
}

// Only the latest request draws (the token). A redraw for a new width, a zoom or a turn starts from the page last
// asked for, not the one on screen: a follow turn still loading must not be replaced by the page it leaves.
async function render(state, n) {
  const token = ++state.token;
  state.target = n;
  const page = await state.pdf.getPage(n);
  if (token !== state.token) return;
  state.renderTask?.cancel();
  state.textLayer?.cancel();
  if (state.page !== n) state.strokes = [];

  const width = state.stage.clientWidth;
  const natural = page.getViewport({ scale: 1 });
  const scale = state.zoom ?? Math.max(0.2, (width - 2) / natural.width);
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;

  const sheet = document.createElement("div");
  sheet.className = "pdf-page";
  sheet.style.setProperty("--scale-factor", String(scale));
  sheet.style.width = `${Math.floor(viewport.width)}px`;
  sheet.style.height = `${Math.floor(viewport.height)}px`;
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  canvas.setAttribute("data-testid", "viewer-canvas");
  const textDiv = document.createElement("div");
  textDiv.className = "textLayer";
  const marks = document.createElement("div");
  marks.className = "marks";
  const pending = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  pending.setAttribute("class", "pending-ink");
  const surface = document.createElement("div");
  surface.className = "tool-surface";
  sheet.append(canvas, textDiv, marks, pending, surface);

  state.renderTask = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
  try {
    await state.renderTask.promise;
  } catch (e) {
    if (e?.name === "RenderingCancelledException") return;
    throw e;
  }
  if (token !== state.token) return;

  const textLayer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: textDiv, viewport });
  state.stage.replaceChildren(sheet);
  state.textLayer = textLayer;
  try {
    await textLayer.render();
  } catch {
    return;
  }
  if (token !== state.token) return;

  state.page = n;
  state.width = width;
  state.geometry = geometryOf(viewport, page.getViewport({ scale: 1, rotation: 0 }), scale);
  state.pendingSvg = () => pending;
  state.inkPoints = () => state.strokes.reduce((sum, s) => sum + s.length / 2, 0);
  state.onNote = (x, y) => placeNote(state, x, y);
  pending.setAttribute("width", viewport.width);
  pending.setAttribute("height", viewport.height);
  captureTools(surface, state);
  redrawMarks(state);
  markHits(state);
  state.stage.dataset.renderedPage = String(n);
  state.stage.dataset.scale = scale.toFixed(3);
  await state.dotnet.invokeMethodAsync("PageShown", n);
}

async function placeNote(state, x, y) {
  const at = state.geometry.toFraction(x, y);
  const quote = await quoteUnder(state, { x: at.x - 0.02, y: at.y - 0.01, width: 0.04, height: 0.02 }, true);
  await state.dotnet.invokeMethodAsync("NotePlaced", { page: state.page, x: roundFraction(at.x), y: roundFraction(at.y), quote });
}

/** The text of the spans inside a box of page fractions (or the nearest span, when asked). */
async function quoteUnder(state, box, nearest) {
  const divs = state.textLayer?.textDivs ?? [];
  const text = await textOf(state, state.page);
  const origin = state.stage.querySelector(".textLayer").getBoundingClientRect();
  const target = state.geometry.toPixelRect(box);
  let inside = [];
  let best = -1, bestDistance = Infinity;
  divs.forEach((div, i) => {
    if (!text.parts[i]?.trim()) return;
    const r = div.getBoundingClientRect();
    const x = r.left - origin.left, y = r.top - origin.top;
    const overlaps = x < target.x + target.width && x + r.width > target.x && y < target.y + target.height && y + r.height > target.y;
    if (overlaps) inside.push(i);
    const dx = Math.max(x - (target.x + target.width / 2), 0, target.x + target.width / 2 - (x + r.width));
    const dy = Math.max(y - (target.y + target.height / 2), 0, target.y + target.height / 2 - (y + r.height));
    if (Math.hypot(dx, dy) < bestDistance) { bestDistance = Math.hypot(dx, dy); best = i; }
  });
  if (!inside.length && nearest && best >= 0) inside = [best];
  return inside.length ? quoteOfParts(text, Math.min(...inside), Math.max(...inside)) : null;
}

function redrawMarks(state) {
  const marks = state.stage.querySelector(".marks");
  if (!marks || !state.geometry) return;
  drawAnnotations(marks, state.geometry, state.page, state.annotations, id => state.dotnet.invokeMethodAsync("AnnotationChosen", id));
}

/**
 * Marks the search hits on this page: only the matched characters, each piece wrapped in <mark class="search-hit">
 * inside its text-layer span (a hit across lines is one mark per span). The text layer's text is transparent, so
 * a mark shows as a tinted box exactly over the word on the canvas.
 */
function markHits(state) {
  const layer = state.stage.querySelector(".textLayer");
  if (!layer) return;
  const touched = new Set();
  for (const mark of layer.querySelectorAll("mark.search-hit")) {
    touched.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  touched.forEach(span => span.normalize());
  const divs = state.textLayer?.textDivs ?? [];
  const text = state.texts.get(state.page);
  if (!text) return;
  const pieces = [];
  state.hits.forEach((hit, index) => {
    if (hit.page !== state.page) return;
    for (const piece of segmentsIn(text, hit.start, hit.end)) pieces.push({ ...piece, current: index === state.hit });
  });
  // Last piece of a span first: the text before it is then still the span's first text node.
  pieces.sort((a, b) => b.part - a.part || b.from - a.from);
  for (const piece of pieces) {
    const span = divs[piece.part];
    const node = span?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const from = rawOffset(node.data, piece.from, false), to = Math.min(rawOffset(node.data, piece.to, true), node.data.length);
    if (from >= to) continue;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement("mark");
    mark.className = piece.current ? "search-hit current" : "search-hit";
    range.surroundContents(mark);
  }
  layer.querySelector(".search-hit.current")?.scrollIntoView({ block: "center", inline: "nearest" });
}

/** Converts between the pixels shown (this viewport, rotated as the page says) and unrotated page fractions. */
function geometryOf(viewport, unrotated, scale) {
  const toFraction = (px, py) => {
    const [x, y] = viewport.convertToPdfPoint(px, py);
    const [ux, uy] = unrotated.convertToViewportPoint(x, y);
    return { x: ux / unrotated.width, y: uy / unrotated.height };
  };
  const toPixel = (fx, fy) => {
    const [x, y] = unrotated.convertToPdfPoint(fx * unrotated.width, fy * unrotated.height);
    const [vx, vy] = viewport.convertToViewportPoint(x, y);
    return { x: vx, y: vy };
  };
  const box = (a, b) => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
  return {
    scale, width: viewport.width, height: viewport.height, toFraction, toPixel,
    toPixelRect: r => box(toPixel(r.x, r.y), toPixel(r.x + r.width, r.y + r.height)),
    toFractionRect: (px, py, w, h) => {
      const f = box(toFraction(px, py), toFraction(px + w, py + h));
      const x = roundFraction(f.x), y = roundFraction(f.y);
      return { x, y, width: floorFraction(Math.min(f.width, 1 - x)), height: floorFraction(Math.min(f.height, 1 - y)) };
    },
  };
}

/** Rounds a size down, so that x + width never passes the page's edge. */
const floorFraction = v => Math.floor(Math.min(1, Math.max(0, v)) * 10000) / 10000;

/** Joins the selection's per-glyph-run rects into one rect per line. */
function merge(rects) {
  const lines = [];
  for (const r of [...rects].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find(l => Math.abs(l.y - r.y) < r.height / 2 && Math.abs(l.height - r.height) < r.height / 2);
    if (line) {
      const right = Math.max(line.x + line.width, r.x + r.width);
      line.x = Math.min(line.x, r.x);
      line.width = floorFraction(right - line.x);
    } else {
      lines.push({ ...r });
    }
  }
  return lines;
}
