using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// A held meeting's record taken out by its chair: attendance, named votes, speeches and conclusions as CSV (BOM,
/// Vietnamese intact) and XLSX (opened with ClosedXML), the whole meeting as JSON; a delegate is refused.
/// </summary>
public sealed class ExportTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_chair_exports_csv_xlsx_and_json_and_a_delegate_gets_403()
    {
        var id = await ClosingFlow.HoldAndCloseAsync(fixture.Server);
        var ct = TestContext.Current.CancellationToken;
        using var chair = await ClosingFlow.ClientAsync(fixture.Server, "chutich");
        using var delegateHttp = await ClosingFlow.ClientAsync(fixture.Server, "daibieu1");
        var path = $"/api/meetings/{id}/export";

        var attendance = await chair.GetByteArrayAsync(new Uri($"{path}/attendance.csv", UriKind.Relative), ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], attendance[..3]);
        var attendanceText = Encoding.UTF8.GetString(attendance[3..]);
        Assert.StartsWith("Tên đăng nhập,Họ tên,", attendanceText, StringComparison.Ordinal);
        Assert.Contains("\r\ndaibieu1,", attendanceText, StringComparison.Ordinal);

        var votes = Rows(Encoding.UTF8.GetString(await chair.GetByteArrayAsync(new Uri($"{path}/votes.csv", UriKind.Relative), ct)));
        Assert.Equal(3, votes.Count - 1);
        Assert.Contains(votes, r => r[3] == "daibieu1" && r[5] == "Tán thành");
        Assert.Contains(votes, r => r[3] == "chutich" && r[5] == "Không tán thành");

        using (var workbook = new XLWorkbook(new MemoryStream(await chair.GetByteArrayAsync(new Uri($"{path}/votes.xlsx", UriKind.Relative), ct))))
        {
            var sheet = workbook.Worksheets.Single();
            Assert.Equal("Tên đăng nhập", sheet.Cell(1, 4).GetString());
            var voters = Enumerable.Range(2, 3).ToDictionary(r => sheet.Cell(r, 4).GetString(), r => sheet.Cell(r, 6).GetString());
            Assert.Equal("Tán thành", voters["daibieu2"]);
            Assert.Equal("Không tán thành", voters["chutich"]);
            Assert.True(sheet.Cell(5, 1).IsEmpty());
        }

        using (var workbook = new XLWorkbook(new MemoryStream(await chair.GetByteArrayAsync(new Uri($"{path}/attendance.xlsx", UriKind.Relative), ct))))
        {
            var names = workbook.Worksheets.Single().Column(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(["Tên đăng nhập", "chutich", "thuky", "daibieu1", "daibieu2"], names);
        }

        var speeches = Rows(Encoding.UTF8.GetString(await chair.GetByteArrayAsync(new Uri($"{path}/speeches.csv", UriKind.Relative), ct)));
        Assert.Single(speeches.Skip(1), r => r[1] == "daibieu1");
        var conclusions = Encoding.UTF8.GetString(await chair.GetByteArrayAsync(new Uri($"{path}/conclusions.csv", UriKind.Relative), ct));
        Assert.Contains("Thống nhất thông qua báo cáo tình hình kinh tế - xã hội tháng 11.", conclusions, StringComparison.Ordinal);

        using var meeting = JsonDocument.Parse(await chair.GetByteArrayAsync(new Uri($"{path}/meeting.json", UriKind.Relative), ct));
        Assert.Equal(id, meeting.RootElement.GetProperty("meeting").GetProperty("meetingId").GetString());
        Assert.Equal(3, meeting.RootElement.GetProperty("namedBallots").GetArrayLength());
        Assert.Equal(1, meeting.RootElement.GetProperty("speeches").GetArrayLength());
        Assert.True(meeting.RootElement.GetProperty("ledger").GetArrayLength() > 10);

        foreach (var file in new[] { "attendance.csv", "votes.xlsx", "meeting.json" })
        {
            var refused = await delegateHttp.GetAsync(new Uri($"{path}/{file}", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("auth.forbidden", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync(new Uri($"{path}/ballots.csv", UriKind.Relative), ct)).StatusCode);
    }

    /// <summary>The CSV's rows split into cells (the exports quote only where a cell holds a comma, quote or line break).</summary>
    private static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = csv[0] == '\uFEFF' ? 1 : 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. cells]);
                cells.Clear();
                i++;
            }
            else { cell.Append(c); }
        }

        return rows;
    }
}
