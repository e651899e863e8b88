using System.Globalization;

namespace Cabinet.Testing;

/// <summary>
/// A real SMTP server (python3-aiosmtpd) on a free loopback port that writes every message it receives into a maildir;
/// it stops when disposed or when the test run that started it is gone.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SmtpServer(ChildProcess process, int port, string maildir) => (_process, Port, Maildir) = (process, port, maildir);

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>The settings that send Cabinet's e-mail here.</summary>
    public IReadOnlyList<string> Arguments =>
        ["--Cabinet:Email:Host=127.0.0.1", string.Create(CultureInfo.InvariantCulture, $"--Cabinet:Email:Port={Port}"), "--Cabinet:Email:Security=None"];

    public static async Task<SmtpServer> StartAsync()
    {
        var port = FreePort.Next();
        // aiosmtpd makes the maildir's tmp, new and cur folders only when the maildir itself does not exist yet.
        var maildir = Path.Combine(RepositoryPaths.NewTempFolder("smtp"), "maildir");
        var smtp = $"/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} -c aiosmtpd.handlers.Mailbox {maildir}";
        var process = ChildProcess.StartWatched(smtp);
        await process.WaitForTcpAsync("aiosmtpd (python3-aiosmtpd)", port, async stream =>
        {
            var greeting = new byte[64];
            return await stream.ReadAsync(greeting) > 3 && greeting[0] == (byte)'2';
        });
        return new SmtpServer(process, port, maildir);
    }

    /// <summary>The raw messages received so far (maildir "new" and "cur").</summary>
    public IReadOnlyList<byte[]> Messages() =>
        [.. new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists).SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync();
    }
}
