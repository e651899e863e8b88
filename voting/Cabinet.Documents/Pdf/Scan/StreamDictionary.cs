namespace Cabinet.Documents.Pdf.Scan;

/// <summary>What the scan needs from the dictionary in front of a <c>stream</c> keyword.</summary>
internal sealed class StreamDictionary
{
    public long? Length { get; set; }

    /// <summary>The object number of an indirect <c>/Length N 0 R</c>.</summary>
    public long? LengthReference { get; set; }

    /// <summary>The first filter is FlateDecode.</summary>
    public bool Flate { get; set; }

    public bool ObjectStream { get; set; }

    public long? N { get; set; }

    public long? First { get; set; }
}
