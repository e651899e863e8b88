// The API reference page (/api-docs): Scalar's standalone script, served by Cabinet itself, reads Cabinet's OpenAPI
// document. No fonts, telemetry or proxy from elsewhere: the page's CSP allows connections to Cabinet only.
Scalar.createApiReference('#app', {
  url: document.getElementById('app').dataset.document,
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  proxyUrl: '',
});
