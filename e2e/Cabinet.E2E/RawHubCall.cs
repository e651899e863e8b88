using System.Text.Json;
using Microsoft.Playwright;

namespace Cabinet.E2E;

/// <summary>
/// Calls a hub method from inside a signed-in browser page with the raw SignalR JSON protocol over a WebSocket —
/// what someone would do from the developer console to get around a hidden button.
/// </summary>
public static class RawHubCall
{
    private const string Script = """
        async ([target, args]) => {
          const RS = '\u001e';
          const negotiate = await fetch('/hubs/meeting/negotiate?negotiateVersion=1', { method: 'POST', credentials: 'same-origin' });
          if (!negotiate.ok) return { status: negotiate.status };
          const { connectionToken } = await negotiate.json();
          const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/hubs/meeting?id=' + connectionToken);
          return await new Promise(resolve => {
            let buffer = '';
            ws.onopen = () => ws.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
            ws.onmessage = ev => {
              buffer += ev.data;
              let i;
              while ((i = buffer.indexOf(RS)) >= 0) {
                const message = JSON.parse(buffer.slice(0, i));
                buffer = buffer.slice(i + 1);
                if (message.type === undefined) {
                  ws.send(JSON.stringify({ type: 1, invocationId: '1', target, arguments: args }) + RS);
                } else if (message.type === 3) {
                  ws.close();
                  resolve(message);
                }
              }
            };
            ws.onerror = () => resolve({ socketError: true });
            setTimeout(() => resolve({ timedOut: true }), 10000);
          });
        }
        """;

    /// <returns>The SignalR completion message (its "result" holds Cabinet's answer).</returns>
    public static Task<JsonElement> InvokeAsync(IPage page, string target, params object[] arguments) =>
        page.EvaluateAsync<JsonElement>(Script, new object[] { target, arguments });
}
