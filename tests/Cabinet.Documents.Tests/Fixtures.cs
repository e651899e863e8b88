namespace Cabinet.Documents.Tests;

/// <summary>The PDF fixtures in tests/fixtures (found from the repository root; this project stays free of the hosting test kit).</summary>
internal static class Fixtures
{
    public static string Folder { get; } = Find();

    public static IEnumerable<string> Pdfs => Directory.GetFiles(Path.Combine(Folder, "pdfs"), "*.pdf").Order(StringComparer.Ordinal);

    public static IEnumerable<string> Bad => Directory.GetFiles(Path.Combine(Folder, "bad")).Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cabinet.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "fixtures");
            }
        }

        throw new DirectoryNotFoundException("Cabinet.sln not found above " + AppContext.BaseDirectory);
    }
}
