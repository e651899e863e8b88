using System.Diagnostics;

namespace Cabinet.Testing;

/// <summary>Runs an external tool (openssl, pdfsig, pdftoppm…) and captures what it printed.</summary>
public static class Tool
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, params string[] arguments) => RunIn(null, file, arguments);

    public static Result RunIn(string? workingDirectory, string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{file} took longer than 30 s");
        }

        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
