using System.Globalization;
using System.Runtime.InteropServices;

namespace Cabinet.Bench;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineInfo(int Cores, double MemoryGiB, string Cpu, string System)
{
    public static MachineInfo Read()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        return new MachineInfo(Environment.ProcessorCount, long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0,
            cpu ?? "unknown", $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages: other work on the machine shows here.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() => $"{Cores} cores (nproc), {MemoryGiB:0.0} GiB, {Cpu}; {System}";
}
