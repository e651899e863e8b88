using System.Text;

namespace Cabinet.Web.Exports;

/// <summary>
/// A table as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel reads Vietnamese right, CRLF lines, every cell
/// quoted when it needs to be and made inert (<see cref="ExportTable.Inert"/>). Written row by row to the response.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(table.Headers));
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(IReadOnlyList<string> cells) => string.Join(',', cells.Select(Quoted)) + "\r\n";

    private static string Quoted(string cell)
    {
        var inert = ExportTable.Inert(cell);
        return inert.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + inert.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : inert;
    }
}
