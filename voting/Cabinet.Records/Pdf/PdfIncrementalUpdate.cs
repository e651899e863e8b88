using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Builds an incremental update (ISO 32000-1 §7.5.6): new or replaced objects, a classic cross-reference section
/// for just those objects and a trailer whose /Prev points at the previous section. Earlier bytes are never touched.
/// </summary>
internal sealed class PdfIncrementalUpdate(PdfFile original, byte[] originalBytes)
{
    private readonly StringBuilder _body = new();
    private readonly SortedDictionary<int, (int Offset, int Generation)> _offsets = [];
    private readonly int _originalLength = originalBytes.Length;
    private int _nextNumber = original.Size;

    public PdfReference Allocate() => new(_nextNumber++, 0);

    public void Write(PdfReference reference, PdfValue value) => Write(reference, value.ToString());

    /// <summary>Writes an object from already serialized text (the signature dictionary with its placeholders).</summary>
    public void Write(PdfReference reference, string serialized)
    {
        if (!_offsets.TryAdd(reference.Number, (Prefix.Length + _body.Length, reference.Generation)))
        {
            throw new InvalidOperationException($"Object {reference.Number} was written twice.");
        }

        _body.Append(CultureInfo.InvariantCulture, $"{reference.Number} {reference.Generation} obj\n").Append(serialized).Append("\nendobj\n");
    }

    /// <returns>The whole update as ASCII bytes (everything it writes is ASCII), to append to the original file.</returns>
    public byte[] Finish()
    {
        var xrefOffset = _originalLength + Prefix.Length + _body.Length;
        var text = new StringBuilder(Prefix).Append(_body).Append("xref\n");
        foreach (var run in Runs())
        {
            text.Append(CultureInfo.InvariantCulture, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
            {
                // Entries are exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
                var (offset, generation) = _offsets[number];
                text.Append(CultureInfo.InvariantCulture, $"{_originalLength + offset:D10} {generation:D5} n\r\n");
            }
        }

        var trailer = new PdfDictionary([new("Size", new PdfAtom(Math.Max(_nextNumber, original.Size).ToString(CultureInfo.InvariantCulture)))]);
        foreach (var key in new[] { "Root", "Info", "ID" })
        {
            if (original.Trailer[key] is { } value)
            {
                trailer = trailer.With(key, value);
            }
        }

        if (original.Trailer["ID"] is null)
        {
            // Producers may leave /ID out (Skia does unless writing PDF/A); PDF 2.0 requires it and signature tools
            // expect it, so the first update gives the file a permanent identifier derived from its original bytes.
            var id = new PdfBytes(SHA256.HashData(originalBytes)[..16]);
            trailer = trailer.With("ID", new PdfArray([id, id]));
        }

        trailer = trailer.With("Prev", new PdfAtom(original.StartXref.ToString(CultureInfo.InvariantCulture)));
        text.Append("trailer\n").Append(trailer).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Where an object's text starts inside the update, for patching placeholders later.</summary>
    public int OffsetInUpdate(PdfReference reference) => _offsets[reference.Number].Offset;

    private string Prefix => originalBytes is [.., 10 or 13] ? "" : "\n";

    private IEnumerable<List<int>> Runs()
    {
        var run = new List<int>();
        foreach (var number in _offsets.Keys)
        {
            if (run.Count > 0 && number != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(number);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
