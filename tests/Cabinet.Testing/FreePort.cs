using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cabinet.Testing;

/// <summary>
/// Ports for the servers tests start, taken below the kernel's ephemeral range: outgoing connections take their local
/// ports from that range, so a server stopped and started again on its port (a restart test) could find it taken by
/// some client socket of another test. Below it, only the servers handed out here bind, each port once per process.
/// </summary>
public static class FreePort
{
    private static readonly (int First, int Count) Range = BelowEphemeral();
    private static int _handedOut = Random.Shared.Next(Range.Count);

    /// <summary>A loopback TCP port nobody listens on right now, not handed out before by this process.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < Range.Count; tries++)
        {
            var port = Range.First + (int)((uint)Interlocked.Increment(ref _handedOut) % (uint)Range.Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use (another process's server): the next one.
            }
        }

        throw new InvalidOperationException("No free loopback port below the ephemeral range.");
    }

    private static (int First, int Count) BelowEphemeral()
    {
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralStart = File.Exists(rangeFile)
            && int.TryParse(File.ReadAllText(rangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start : 32768;
        var last = Math.Min(ephemeralStart, 32768) - 1;
        var first = Math.Max(10_000, last - 12_000);
        return last > first ? (first, last - first + 1) : (49152, 16384);
    }
}
