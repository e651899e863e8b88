namespace Cabinet.Records.Pdf;

internal enum TextAlign
{
    Left,
    Center,
    Justify,
}
