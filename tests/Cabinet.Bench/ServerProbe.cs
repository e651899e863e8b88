using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Cabinet.Bench;

/// <summary>
/// Reads the Cabinet process from outside: CPU time from /proc/&lt;pid&gt;/stat, resident memory from
/// /proc/&lt;pid&gt;/status, and the live managed heap from /api/diagnostics/memory (administrators only).
/// </summary>
public sealed class ServerProbe(int pid, Uri baseAddress, string adminToken) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>User + system CPU seconds of the server process so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15. Ticks are 1/100 s on Linux.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// The managed heap and the resident set in bytes, 8 s after the last change: a person's meeting index, catalog and
    /// notice box leave memory 5 s after the meeting last wrote to them (IdleIndex.After), and the heap is measured with
    /// the meetings running, not in the seconds after their set-up wrote to every participant's index, which a quick
    /// join would otherwise catch. Quick runs (./test.sh) compare no figure and do not wait.
    /// </summary>
    public async Task<(long Managed, long Resident)> SettledMemoryAsync(BenchOptions options)
    {
        await Task.Delay(options.Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(8));
        return (await ManagedBytesAsync(), ResidentBytes());
    }

    /// <summary>The managed heap after a full collection in the server, in bytes.</summary>
    public async Task<long> ManagedBytesAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/diagnostics/memory");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Memory>())!.ManagedBytes;
    }

    /// <summary>
    /// When CABINET_BENCH_GCDUMP names a folder, writes the server's heap there (dotnet-gcdump, which must be installed as
    /// a global tool) so a run can say what a delegate costs; the report lists the largest types.
    /// </summary>
    public void DumpHeapIfAsked(string name)
    {
        if (Environment.GetEnvironmentVariable("CABINET_BENCH_GCDUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        using var dump = System.Diagnostics.Process.Start(tool, ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", Path.Combine(folder, name + ".gcdump")]);
        dump.WaitForExit(TimeSpan.FromMinutes(5));
    }

    public void Dispose() => _http.Dispose();

    private sealed record Memory(long ManagedBytes, long WorkingSetBytes);
}
