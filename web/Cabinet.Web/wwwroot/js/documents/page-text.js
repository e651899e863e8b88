// The text of one PDF page as PDF.js extracts it: one part per text item (the text layer has one span per part,
// in the same order), a line break after an item that ends a line. Quotes and search both work on this text.
const CONTEXT = 32;

export function pageText(content) {
  const parts = [];
  const starts = [];
  let text = "";
  for (const item of content.items) {
    if (item.str === undefined) continue;
    starts.push(text.length);
    const part = item.str.normalize("NFC");
    parts.push(part);
    text += part + (item.hasEOL ? "\n" : "");
  }
  return { text, parts, starts };
}

const flat = s => s.replace(/\s+/g, " ");

/** A TextQuoteSelector for `exact` on this page: the occurrence nearest `near` (an offset in the page text). */
export function quoteOf(page, exact, near) {
  const wanted = flat(exact.normalize("NFC")).trim();
  if (!wanted) return null;
  const text = flat(page.text);
  const target = near === undefined ? 0 : flat(page.text.slice(0, near)).length;
  let best = -1;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (best < 0 || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  if (best < 0) return { exact: wanted, prefix: "", suffix: "" };
  return {
    exact: wanted,
    prefix: text.slice(Math.max(0, best - CONTEXT), best),
    suffix: text.slice(best + wanted.length, best + wanted.length + CONTEXT),
  };
}

/** The text of the parts with index in [first, last], as one quote. */
export function quoteOfParts(page, first, last) {
  const from = page.starts[first];
  const to = page.starts[last] + page.parts[last].length;
  return quoteOf(page, page.text.slice(from, to), from);
}

/** Every place `query` occurs (case-insensitive, whitespace-tolerant): [{ start, end }] in page-text offsets. */
export function find(page, query) {
  const needle = flat(query.normalize("NFC")).trim().toLocaleLowerCase("vi");
  if (!needle) return [];
  const hay = page.text.replace(/\s/g, " ").toLocaleLowerCase("vi");
  const hits = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    hits.push({ start: at, end: at + needle.length });
  }
  return hits;
}

/** Indexes of the parts that a [start, end) range of the page text touches. */
export function partsIn(page, start, end) {
  const touched = [];
  page.parts.forEach((part, i) => {
    const from = page.starts[i];
    if (from < end && from + Math.max(part.length, 1) > start) touched.push(i);
  });
  return touched;
}
