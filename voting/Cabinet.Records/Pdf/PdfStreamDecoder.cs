using System.IO.Compression;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>Decodes the stream filters that cross-reference and object streams use: FlateDecode with PNG predictors.</summary>
internal static class PdfStreamDecoder
{
    private const int MaxColumns = 1 << 16;

    public static byte[] Decode(PdfDictionary dictionary, byte[] raw, PdfReadBudget budget)
    {
        var filter = dictionary["Filter"] switch
        {
            null => null,
            PdfName name => name.Value,
            PdfArray { Items: [PdfName only] } => only.Value,
            _ => throw new InvalidDataException(ReportLanguage.Say("Bộ lọc luồng PDF không được hỗ trợ (không phải một tên).", "Unsupported PDF stream filter (not one name).")),
        };
        if (filter is null)
        {
            return raw;
        }

        if (filter != "FlateDecode")
        {
            throw new InvalidDataException(ReportLanguage.Say($"Bộ lọc luồng PDF /{filter} không được hỗ trợ.", $"Unsupported PDF stream filter /{filter}."));
        }

        var inflated = Inflate(raw, budget);
        var parameters = dictionary["DecodeParms"] as PdfDictionary;
        var predictor = (parameters?["Predictor"] as PdfAtom)?.AsLong() ?? 1;
        if (predictor < 10)
        {
            return predictor == 1 ? inflated : throw new InvalidDataException(ReportLanguage.Say("Predictor TIFF không được hỗ trợ.", "Unsupported TIFF predictor."));
        }

        var columns = (parameters?["Columns"] as PdfAtom)?.AsLong() ?? 1;
        return columns is >= 1 and <= MaxColumns
            ? Unpredict(inflated, (int)columns)
            : throw new InvalidDataException(ReportLanguage.Say($"Predictor với /Columns {columns} không được hỗ trợ.", $"Unsupported predictor /Columns {columns}."));
    }

    // Counted while inflating: a few kilobytes of Flate data can expand to gigabytes.
    private static byte[] Inflate(byte[] raw, PdfReadBudget budget)
    {
        using var output = new MemoryStream();
        using var zlib = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
        var buffer = new byte[81920];
        int read;
        while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
        {
            budget.Decoded(read);
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    // PNG row filters with one byte per pixel, as cross-reference streams use them.
    private static byte[] Unpredict(byte[] data, int columns)
    {
        var rows = data.Length / (columns + 1);
        var result = new byte[rows * columns];
        var previous = new byte[columns];
        for (var r = 0; r < rows; r++)
        {
            var filter = data[r * (columns + 1)];
            var row = result.AsSpan(r * columns, columns);
            data.AsSpan(r * (columns + 1) + 1, columns).CopyTo(row);
            for (var i = 0; i < columns; i++)
            {
                int left = i > 0 ? row[i - 1] : 0, up = previous[i], upLeft = i > 0 ? previous[i - 1] : 0;
                row[i] += filter switch
                {
                    0 => 0,
                    1 => (byte)left,
                    2 => (byte)up,
                    3 => (byte)((left + up) / 2),
                    4 => (byte)Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException(ReportLanguage.Say($"Predictor PNG {filter} không xác định.", $"Unknown PNG predictor {filter}.")),
                };
            }

            row.CopyTo(previous);
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
