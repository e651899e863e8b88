using System.Globalization;
using Cabinet.Testing;

namespace Cabinet.E2E;

/// <summary>
/// Latencies seen in the browser tests, appended to artifacts/e2e-measurements.txt and printed by test.sh.
/// They are reported, never asserted: a loaded CI machine must not fail a test for being slow.
/// </summary>
public static class Measurements
{
    private static readonly object Gate = new();

    public static void Record(string what, TimeSpan elapsed)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName;
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(folder, "e2e-measurements.txt"),
                string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalMilliseconds:F0} ms{Environment.NewLine}"));
        }
    }
}
