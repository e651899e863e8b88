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

/**
 * Every place `query` occurs, with or without tone marks ("phong hop" finds "phòng họp"), case-insensitive in
 * Vietnamese, any run of whitespace matching one space: [{ start, end }] in page-text offsets, so the marks cover
 * the original words. Folding is done one character at a time with a map back to the page text, so a character
 * whose folded form is longer or shorter cannot shift the offsets.
 */
export function find(page, query) {
  const needle = fold(query.normalize("NFC").trim()).text;
  if (!needle) return [];
  const hay = fold(page.text);
  const hits = [];
  for (let at = hay.text.indexOf(needle); at >= 0; at = hay.text.indexOf(needle, at + needle.length)) {
    hits.push({ start: hay.from[at], end: hay.to[at + needle.length - 1] });
  }
  return hits;
}

/**
 * Without marks (NFD, combining marks dropped, đ/Đ as d), lower case (Vietnamese rules), whitespace runs as one
 * space; from/to: each folded unit's source range.
 */
function fold(text) {
  let out = "";
  const from = [], to = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i));
    const end = i + ch.length;
    if (/\s/.test(ch)) {
      if (out.endsWith(" ")) to[to.length - 1] = end;
      else { out += " "; from.push(i); to.push(end); }
    } else {
      const lower = bare(ch).toLocaleLowerCase("vi");
      out += lower;
      for (let k = 0; k < lower.length; k++) { from.push(i); to.push(end); }
    }
    i = end;
  }
  return { text: out, from, to };
}

const bare = ch => ch.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

/** The pieces of a [start, end) range of the page text, per part: { part, from, to } in that part's offsets. */
export function segmentsIn(page, start, end) {
  const pieces = [];
  page.parts.forEach((text, part) => {
    const at = page.starts[part];
    const from = Math.max(start, at) - at, to = Math.min(end, at + text.length) - at;
    if (from < to) pieces.push({ part, from, to });
  });
  return pieces;
}

/**
 * The offset in `raw` (a text-layer span's text, as the PDF has it) of offset `n` in its NFC form (the page text):
 * the same unless the PDF stores decomposed letters. `atEnd` keeps combining marks with the letter before.
 */
export function rawOffset(raw, n, atEnd) {
  if (raw.normalize("NFC") === raw) return n;
  let best = atEnd ? 0 : raw.length;
  for (let j = 0; j <= raw.length; j++) {
    const length = raw.slice(0, j).normalize("NFC").length;
    if (atEnd ? length <= n : length >= n) {
      best = j;
      if (!atEnd) break;
    }
  }
  return best;
}
