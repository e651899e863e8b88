namespace Cabinet.Testing;

/// <summary>Finds the repository, the built web app and the shared fixtures from wherever a test runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Test PDFs and bad inputs, copied into the repository from ../shared/fixtures so a clean clone has them.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The Cabinet.Web build of the same configuration as the running tests.</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release" : "Debug";
            var path = Path.Combine(Root, "web", "Cabinet.Web", "bin", configuration, "net10.0", "Cabinet.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build web/Cabinet.Web first.", path);
        }
    }

    public static string NewTempFolder(string purpose) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cabinet-tests", $"{purpose}-{Guid.NewGuid():N}")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cabinet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cabinet.sln not found above " + AppContext.BaseDirectory);
    }
}
