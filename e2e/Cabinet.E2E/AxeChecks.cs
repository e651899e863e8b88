using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cabinet.E2E;

/// <summary>axe-core (Deque.AxeCore.Playwright) on a page or a part of one: no serious or critical violation.</summary>
internal static class AxeChecks
{
    public static async Task ExpectNoSeriousViolationsAsync(IPage page, string what) => Verdict(await page.RunAxe(), what);

    public static async Task ExpectNoSeriousViolationsAsync(ILocator part, string what) => Verdict(await part.RunAxe(), what);

    /// <summary>Whether the page scrolls sideways (wider than its viewport).</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");

    private static void Verdict(AxeResult result, string what)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {what}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
