using System.Diagnostics;

namespace Cabinet.Web.Isolation;

/// <summary>
/// Runs a child process with its input on stdin, reading at most a bounded stdout, and kills its whole process tree
/// at the deadline. Whatever happens inside it (a stack overflow, an out-of-memory, a hang) ends up as a
/// <see cref="ChildOutcome"/>, never as a fault of the calling process.
/// </summary>
public static class ChildRun
{
    private const int ErrorHeadBytes = 4096;

    public static async Task<ChildOutcome> RunAsync(ChildCommand command, ReadOnlyMemory<byte> input, TimeSpan timeout, int maxOutputBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var process = Process.Start(command.StartInfo()) ?? throw new InvalidOperationException($"Could not start {command.FileName}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var output = ReadAsync(process.StandardOutput.BaseStream, maxOutputBytes, drain: false, deadline.Token);
        var errors = ReadAsync(process.StandardError.BaseStream, ErrorHeadBytes, drain: true, deadline.Token);
        try
        {
            await WriteAsync(process, input, deadline.Token);
            var (bytes, tooLarge) = await output;
            if (tooLarge)
            {
                Kill(process);
            }

            await process.WaitForExitAsync(deadline.Token);
            var (head, _) = await errors;
            return new ChildOutcome(tooLarge ? null : process.ExitCode, false, tooLarge, bytes, System.Text.Encoding.UTF8.GetString(head));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            return new ChildOutcome(null, true, false, [], "");
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>Writes the input and closes stdin; a child that dies early breaks the pipe, which is its outcome to report, not ours.</summary>
    private static async Task WriteAsync(Process process, ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        try
        {
            await using var stdin = process.StandardInput.BaseStream;
            await stdin.WriteAsync(input, ct);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Reads a stream, keeping its first <paramref name="limit"/> bytes. Past the limit it either stops (overflowed)
    /// or, with <paramref name="drain"/>, reads on to the end so the child never blocks on a full pipe.
    /// </summary>
    private static async Task<(byte[] Bytes, bool Overflowed)> ReadAsync(Stream stream, int limit, bool drain, CancellationToken ct)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var room = (int)Math.Min(read, limit - kept.Length);
            if (room < read && !drain)
            {
                return ([], true);
            }

            kept.Write(buffer, 0, room);
        }

        return (kept.ToArray(), false);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
