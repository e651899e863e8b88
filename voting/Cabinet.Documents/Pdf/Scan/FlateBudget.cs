using System.IO.Compression;

namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// Inflates FlateDecode streams through one fixed buffer, counting what comes out against the per-stream and the
/// per-file budgets and stopping at the first one passed: the output is never held, so memory stays flat whatever
/// a stream claims to hold. An object stream's output is handed to its own scan chunk by chunk.
/// </summary>
internal sealed class FlateBudget(DocumentLimits limits, ScanClock clock)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _total;

    public DocumentError? Inflate(byte[] content, int start, int length, ObjectStreamScan? objects)
    {
        using var input = new MemoryStream(content, start, length, writable: false);
        using Stream inflater = IsZlib(content.AsSpan(start, length))
            ? new ZLibStream(input, CompressionMode.Decompress)
            : new DeflateStream(input, CompressionMode.Decompress);
        long produced = 0;
        try
        {
            int read;
            while ((read = inflater.Read(_buffer)) > 0)
            {
                produced += read;
                _total += read;
                if (produced > limits.MaxStreamDecodedBytes)
                {
                    return DocumentErrors.StreamTooLarge(limits.MaxStreamDecodedBytes);
                }

                if (_total > limits.MaxTotalDecodedBytes)
                {
                    return DocumentErrors.TotalTooLarge(limits.MaxTotalDecodedBytes);
                }

                if (clock.Expired)
                {
                    return DocumentErrors.TooSlow(clock.Seconds);
                }

                if (objects?.Feed(_buffer.AsSpan(0, read)) is { } error)
                {
                    return error;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A corrupt stream inflates as far as it goes; whether the file still opens is the reader's decision.
        }

        return objects?.Finish();
    }

    /// <summary>A zlib header (deflate method, check bits); some writers emit raw deflate instead.</summary>
    private static bool IsZlib(ReadOnlySpan<byte> data) => data.Length < 2 || ((data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0);
}
