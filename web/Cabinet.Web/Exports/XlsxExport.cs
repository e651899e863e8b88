using ClosedXML.Excel;

namespace Cabinet.Web.Exports;

/// <summary>
/// A table as an Excel workbook (ClosedXML): one sheet, a bold frozen header row, every cell text (never a formula,
/// and made inert as in the CSV). The workbook is built in memory: its size is the meeting's own (its participants,
/// ballots and speeches), never more.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> WriteAsync(ExportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(table.Name);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            Text(sheet.Cell(1, c + 1), table.Headers[c]).Style.Font.Bold = true;
        }

        var r = 1;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            r++;
            for (var c = 0; c < row.Count; c++)
            {
                Text(sheet.Cell(r, c + 1), row[c]);
            }
        }

        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static IXLCell Text(IXLCell cell, string value)
    {
        cell.SetValue(ExportTable.Inert(value));
        cell.DataType = XLDataType.Text;
        return cell;
    }
}
