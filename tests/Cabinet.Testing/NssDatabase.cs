namespace Cabinet.Testing;

/// <summary>An NSS certificate database (what pdfsig trusts) in a new folder, trusting the given root certificates.</summary>
public static class NssDatabase
{
    /// <returns>The -nssdir argument for pdfsig ("sql:folder").</returns>
    public static string Trusting(string folder, params string[] rootPemPaths)
    {
        Directory.CreateDirectory(folder);
        Check(Tool.Run("certutil", "-N", "-d", $"sql:{folder}", "--empty-password"));
        for (var i = 0; i < rootPemPaths.Length; i++)
        {
            Check(Tool.Run("certutil", "-A", "-d", $"sql:{folder}", "-n", $"root-{i}", "-t", "CT,C,C", "-i", rootPemPaths[i]));
        }

        return $"sql:{folder}";
    }

    private static void Check(Tool.Result result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"certutil failed: {result.Output}");
        }
    }
}
