// Starts Blazor with reconnection that keeps trying for as long as a meeting lasts (every 2 s, then every 5 s), and
// handles what the connection banner (ConnectionBanner.razor) cannot do with CSS alone: a retry button, and a reload
// when the server answers but no longer knows this circuit (it was restarted), so the page reads the meeting afresh.
Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: 100000,
      retryIntervalMilliseconds: attempt => (attempt < 10 ? 2000 : 5000),
    },
  },
});

const banner = document.getElementById("components-reconnect-modal");
if (banner) {
  banner.addEventListener("components-reconnect-state-changed", event => {
    if (event.detail.state === "rejected") {
      location.reload();
    }
  });
  document.getElementById("components-reconnect-button")?.addEventListener("click", async () => {
    try {
      if (!(await Blazor.reconnect()) && !(await Blazor.resumeCircuit())) {
        location.reload();
      }
    } catch {
      // Still unreachable: the banner stays and the button can be pressed again.
    }
  });
}
