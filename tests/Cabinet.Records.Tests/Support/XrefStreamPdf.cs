using System.IO.Compression;
using System.Text;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// A one-page PDF 1.5+ written the compact way (catalog, pages and page inside a compressed object stream, a
/// cross-reference stream with the PNG "Up" predictor), as other producers write them; the minutes themselves (Skia) use a classic table.
/// </summary>
public static class XrefStreamPdf
{
    public static byte[] Create()
    {
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[]>>",
        ];
        var header = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < objects.Length; i++)
        {
            header.Append($"{i + 1} {body.Length} ");
            body.Append(objects[i]).Append('\n');
        }

        using var file = new MemoryStream();
        Write(file, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var objectStreamAt = file.Position;
        var packed = Deflate(Encoding.ASCII.GetBytes(header.ToString() + body));
        Write(file, $"4 0 obj\n<</Type/ObjStm/N 3/First {header.Length}/Filter/FlateDecode/Length {packed.Length}>>\nstream\n");
        file.Write(packed);
        Write(file, "\nendstream\nendobj\n");

        var xrefAt = file.Position;
        byte[][] rows =
        [
            Row(0, 0, 65535), Row(2, 4, 0), Row(2, 4, 1), Row(2, 4, 2), Row(1, objectStreamAt, 0), Row(1, xrefAt, 0),
        ];
        var predicted = new List<byte>();
        var previous = new byte[7];
        foreach (var row in rows)
        {
            predicted.Add(2); // PNG "Up": each byte minus the byte above it
            predicted.AddRange(row.Select((b, i) => (byte)(b - previous[i])));
            previous = row;
        }

        var xref = Deflate([.. predicted]);
        Write(file, $"5 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>/Length {xref.Length}>>\nstream\n");
        file.Write(xref);
        Write(file, $"\nendstream\nendobj\nstartxref\n{xrefAt}\n%%EOF\n");
        return file.ToArray();
    }

    private static byte[] Row(byte type, long second, int third) =>
        [type, (byte)(second >> 24), (byte)(second >> 16), (byte)(second >> 8), (byte)second, (byte)(third >> 8), (byte)third];

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
