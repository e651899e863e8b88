using System.Text.Json;
using Cabinet.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cabinet.E2E;

/// <summary>What the meeting-page tests measure on a screen: page scroll, accessibility (axe), the language, screenshots for docs.</summary>
internal static class MeetingScreens
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The page's own scroll (not a pane's): its scrollable size against the window.</summary>
    public static async Task<PageScroll> ScrollAsync(IPage page)
    {
        var size = await page.EvaluateAsync<JsonElement>("""
            () => {
              const e = document.scrollingElement;
              const wide = [...document.querySelectorAll('body *')].filter(x => x.getBoundingClientRect().right > e.clientWidth + 0.5)
                .slice(0, 5).map(x => `${x.tagName.toLowerCase()}.${x.className}[${x.dataset.testid ?? ''}] ${Math.round(x.getBoundingClientRect().right)}`);
              const tall = [...document.querySelectorAll('body > *, main > *, .meeting > *')]
                .map(x => `${x.tagName.toLowerCase()}.${x.className} ${Math.round(x.getBoundingClientRect().height)}`);
              return [e.scrollHeight, innerHeight, e.scrollWidth, e.clientWidth, wide.join(', ') + ' | ' + tall.join(', ')];
            }
            """);
        return new PageScroll(size[0].GetInt32(), size[1].GetInt32(), size[2].GetInt32(), size[3].GetInt32(), size[4].GetString()!);
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now, one line each (empty when none).</summary>
    public static async Task<string> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return string.Join("\n", result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }

    /// <summary>Switches the person's language with the layout's switch, back to the same page.</summary>
    public static Task SwitchLanguageAsync(IPage page, string culture) =>
        page.GotoAsync($"/culture/{culture}?redirect={Uri.EscapeDataString(new Uri(page.Url).PathAndQuery)}");

    /// <summary>A screenshot of what the window shows, committed under docs/screenshots for the README.</summary>
    public static async Task DocumentAsync(IPage page, string name)
    {
        // Clicks scroll panes to their buttons; a screenshot shows each pane from its top, as a person arriving sees it.
        await page.EvaluateAsync("() => { document.querySelectorAll('.pane').forEach(p => p.scrollTop = 0); window.scrollTo(0, 0); }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root, "docs", "screenshots", name + ".png") });
    }

    /// <param name="Culprits">The first elements reaching past the window's width, and the page's main blocks' heights: what to fix when it scrolls.</param>
    public sealed record PageScroll(int Height, int WindowHeight, int Width, int WindowWidth, string Culprits)
    {
        public bool Vertical => Height > WindowHeight;

        public bool Sideways => Width > WindowWidth;
    }
}
