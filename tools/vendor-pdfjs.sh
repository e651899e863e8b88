#!/usr/bin/env bash
# Vendors PDF.js (npm package pdfjs-dist, pinned) into web/Cabinet.Web/wwwroot/lib/pdfjs: the viewer module, its
# worker, the CMaps, standard fonts and image-decoder WebAssembly it loads at run time, and the licence. Cabinet serves these itself; the
# government network has no Internet, so never a CDN. Run it again after changing VERSION, then commit the result.
set -euo pipefail
VERSION="${1:-6.5.438}"
cd "$(dirname "$0")/.."
target=web/Cabinet.Web/wwwroot/lib/pdfjs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "pdfjs-dist@$VERSION" >/dev/null && tar xzf "pdfjs-dist-$VERSION.tgz")
package="$work/package"
[ -f "$package/build/pdf.min.mjs" ] && [ -f "$package/build/pdf.worker.min.mjs" ] \
  || { echo "pdfjs-dist@$VERSION has no build/pdf.min.mjs and build/pdf.worker.min.mjs" >&2; exit 1; }

rm -rf "$target"
mkdir -p "$target"
cp "$package/build/pdf.min.mjs" "$package/build/pdf.worker.min.mjs" "$package/LICENSE" "$target/"
cp -r "$package/cmaps" "$package/standard_fonts" "$target/"
# Image decoders for JPEG 2000, JBIG2 (common in scanned official papers) and ICC colour: small WebAssembly files.
mkdir -p "$target/wasm"
cp "$package"/wasm/{jbig2.wasm,openjpeg.wasm,qcms_bg.wasm,LICENSE_JBIG2,LICENSE_OPENJPEG,LICENSE_QCMS,LICENSE_PDFJS_JBIG2,LICENSE_PDFJS_OPENJPEG,LICENSE_PDFJS_QCMS} "$target/wasm/"
echo "$VERSION" > "$target/VERSION"
echo "pdfjs-dist $VERSION vendored into $target ($(du -sh "$target" | cut -f1))"
