using System.Diagnostics;

namespace Cabinet.Web.Isolation;

/// <summary>A command of this same executable run as a child process (<c>dotnet Cabinet.Web.dll &lt;command&gt;</c>, or the app host).</summary>
public sealed record ChildCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public static ChildCommand OfThisApp(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var host = System.Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return new ChildCommand(
            host,
            viaDotnet ? [typeof(Program).Assembly.Location, .. arguments] : [.. arguments],
            environment);
    }

    public ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }
}
