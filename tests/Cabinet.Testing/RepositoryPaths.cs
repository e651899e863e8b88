namespace Cabinet.Testing;

/// <summary>Finds the repository, the built web app and the shared fixtures from wherever a test runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Test PDFs and bad inputs, copied into the repository from ../shared/fixtures so a clean clone has them.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The Cabinet.Web build of the same configuration as the running tests.</summary>
    public static string WebAssembly => Built(Path.Combine("web", "Cabinet.Web"), "Cabinet.Web.dll");

    /// <summary>The tests' own OpenID provider (tests/Cabinet.OidcProvider), built with the tests.</summary>
    public static string OidcProviderAssembly => Built(Path.Combine("tests", "Cabinet.OidcProvider"), "Cabinet.OidcProvider.dll");

    private static string Built(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
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
