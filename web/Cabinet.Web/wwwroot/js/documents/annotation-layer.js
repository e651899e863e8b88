// Draws annotations over a rendered page and captures new ones (note points, ink strokes). Positions are page
// fractions of the unrotated page (the contract's anchor space); `geometry` converts to and from the pixels shown.
// Every piece of text an author wrote goes into the page as textContent or a title attribute: never as HTML.
const SVG = "http://www.w3.org/2000/svg";
const MAX_INK_POINTS = 5000;
const KINDS = ["highlight", "note", "ink"];

export function drawAnnotations(layer, geometry, page, annotations, onSelect) {
  layer.replaceChildren();
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "ink-layer");
  svg.setAttribute("width", geometry.width);
  svg.setAttribute("height", geometry.height);
  layer.append(svg);
  for (const a of annotations.filter(a => a.page === page)) {
    const kind = KINDS[a.kind] ?? a.kind;
    if (kind === "highlight") {
      for (const r of a.rects) {
        const box = geometry.toPixelRect(r);
        const mark = element("div", "mark-highlight", a);
        Object.assign(mark.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` });
        if (a.color) mark.style.backgroundColor = a.color;
        layer.append(mark);
      }
    } else if (kind === "note") {
      const r = a.rects[0];
      if (!r) continue;
      const at = geometry.toPixel(r.x, r.y);
      const pin = element("button", "mark-note", a);
      pin.type = "button";
      pin.textContent = "✎";
      pin.title = `${a.authorName}: ${a.text ?? ""}`;
      Object.assign(pin.style, { left: `${at.x}px`, top: `${at.y}px` });
      pin.addEventListener("click", () => onSelect(a.id));
      layer.append(pin);
    } else if (kind === "ink") {
      for (const stroke of a.ink ?? []) {
        const line = document.createElementNS(SVG, "polyline");
        line.setAttribute("points", points(geometry, stroke));
        line.setAttribute("stroke", a.color || "#1a5fb4");
        line.dataset.annotationId = a.id;
        line.dataset.shared = a.shared;
        svg.append(line);
      }
    }
  }
}

function element(tag, cls, a) {
  const el = document.createElement(tag);
  el.className = `${cls} ${a.mine ? "mine" : "theirs"} ${a.shared ? "shared" : "private"}`;
  el.dataset.annotationId = a.id;
  el.dataset.shared = a.shared;
  return el;
}

function points(geometry, flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const p = geometry.toPixel(flat[i], flat[i + 1]);
    out.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
  }
  return out.join(" ");
}

/** Pointer capture for the note and ink tools on `surface` (it lies over the page and takes touch too). */
export function captureTools(surface, state) {
  let stroke = null;
  let live = null;
  const local = e => {
    const box = surface.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  surface.addEventListener("pointerdown", e => {
    if (state.tool === "note") {
      const p = local(e);
      state.onNote(p.x, p.y);
    } else if (state.tool === "ink") {
      surface.setPointerCapture(e.pointerId);
      const p = local(e);
      stroke = [state.geometry.toFraction(p.x, p.y)];
      live = document.createElementNS(SVG, "polyline");
      live.setAttribute("class", "pending");
      state.pendingSvg().append(live);
    } else {
      return;
    }
    e.preventDefault();
  });
  surface.addEventListener("pointermove", e => {
    if (!stroke) return;
    const p = local(e);
    const f = state.geometry.toFraction(p.x, p.y);
    const last = stroke[stroke.length - 1];
    if (Math.hypot(f.x - last.x, f.y - last.y) < 0.002) return;
    if (state.inkPoints() + stroke.length >= MAX_INK_POINTS) return;
    stroke.push(f);
    live.setAttribute("points", stroke.map(q => { const px = state.geometry.toPixel(q.x, q.y); return `${px.x},${px.y}`; }).join(" "));
  });
  const end = () => {
    if (!stroke) return;
    if (stroke.length === 1) stroke.push({ x: stroke[0].x + 0.001, y: stroke[0].y + 0.001 });
    state.strokes.push(stroke.flatMap(q => [round(q.x), round(q.y)]));
    stroke = null;
    live = null;
  };
  surface.addEventListener("pointerup", end);
  surface.addEventListener("pointercancel", end);
}

const round = v => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;
export const roundFraction = round;
