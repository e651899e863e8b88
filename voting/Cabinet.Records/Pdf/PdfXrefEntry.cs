namespace Cabinet.Records.Pdf;

/// <summary>Where an object lives: at a byte offset, or as the <see cref="Index"/>-th object of object stream <see cref="Container"/>.</summary>
internal readonly record struct PdfXrefEntry(long Offset, int Container, int Index)
{
    public bool InObjectStream => Container > 0;
}
