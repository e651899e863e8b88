using Cabinet.Encryption;

namespace Cabinet.Documents;

/// <summary>What both document stores do with a file before sealing it (read it whole and check it against its name) and after opening it.</summary>
internal static class DocumentContent
{
    public static RecordName RecordOf(string sha256) => new("document", sha256);

    /// <exception cref="InvalidDataException">The content's SHA-256 is not <paramref name="sha256"/>.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadCheckedAsync(string sha256, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var plaintext = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        return BlobHash.Of(plaintext.Span) == sha256 ? plaintext : throw new InvalidDataException("The content does not match its SHA-256.");
    }

    /// <summary>A read-only stream over an opened file whose buffer the read cache may keep (<see cref="MemoryStream.TryGetBuffer"/>).</summary>
    public static MemoryStream Reading(ArraySegment<byte> plaintext) =>
        new(plaintext.Array!, plaintext.Offset, plaintext.Count, writable: false, publiclyVisible: true);
}
