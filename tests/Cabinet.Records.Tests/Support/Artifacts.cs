namespace Cabinet.Records.Tests.Support;

/// <summary>Copies a produced file to $CABINET_TEST_ARTIFACTS (when set) so a person can open it after the run.</summary>
public static class Artifacts
{
    public static void Keep(string path, string name)
    {
        if (Environment.GetEnvironmentVariable("CABINET_TEST_ARTIFACTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(path, Path.Combine(folder, name), overwrite: true);
        }
    }
}
