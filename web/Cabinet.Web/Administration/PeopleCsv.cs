using System.Collections.Immutable;
using System.Text;
using Cabinet.Errors;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Administration;

/// <summary>
/// Reads a CSV of people (RFC 4180: commas, double-quoted fields with "" for a quote and line breaks inside quotes;
/// UTF-8 with or without BOM). The first row names the columns, in any order: userName, displayName, position, role,
/// password, email, phone (all but the first two may be missing or empty). Budgets: <see cref="MaxBytes"/> and <see cref="MaxRows"/>.
/// </summary>
public static class PeopleCsv
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 2000;

    private static readonly string[] Columns = ["username", "displayname", "position", "role", "password", "email", "phone"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <see cref="MaxBytes"/> (one more byte is a refusal) and parses them.</summary>
    public static async Task<Result<ImmutableArray<PeopleCsvRow>>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return Result<ImmutableArray<PeopleCsvRow>>.Refused(ErrorCodes.ImportTooLarge);
        }

        string text;
        try
        {
            var bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            text = StrictUtf8.GetString(buffer, bom, length - bom);
        }
        catch (DecoderFallbackException)
        {
            return Result<ImmutableArray<PeopleCsvRow>>.Refused(ErrorCodes.ImportNotUtf8);
        }

        return Parse(text);
    }

    public static Result<ImmutableArray<PeopleCsvRow>> Parse(string text)
    {
        var records = Records(text).Where(r => r.Fields.Count > 1 || r.Fields[0].Length > 0).ToList();
        if (records.Count == 0)
        {
            return Result<ImmutableArray<PeopleCsvRow>>.Refused(ErrorCodes.ImportBadHeader);
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var at = Columns.Select(c => header.IndexOf(c)).ToArray();
        if (at[0] < 0 || at[1] < 0)
        {
            return Result<ImmutableArray<PeopleCsvRow>>.Refused(ErrorCodes.ImportBadHeader);
        }

        if (records.Count - 1 > MaxRows)
        {
            return Result<ImmutableArray<PeopleCsvRow>>.Refused(ErrorCodes.ImportTooManyRows);
        }

        return Result<ImmutableArray<PeopleCsvRow>>.Of([.. records.Skip(1).Select(r => new PeopleCsvRow(r.Line,
            new NewUser(Cell(r, at[0])?.Trim().ToLowerInvariant(), Cell(r, at[1])?.Trim(), Cell(r, at[2])?.Trim(),
                Password: Empty(Cell(r, at[4])), Role: Empty(Cell(r, at[3])?.Trim().ToLowerInvariant()),
                Email: Empty(Cell(r, at[5])?.Trim()), Phone: Empty(Cell(r, at[6])?.Trim()))))]);
    }

    private static string? Cell(Record record, int index) => index >= 0 && index < record.Fields.Count ? record.Fields[index] : null;

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The records of the text, each with the line it starts on (1 is the header).</summary>
    private static IEnumerable<Record> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return new Record(start, fields);
                fields = [];
                start = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(start, fields);
        }
    }

    private sealed record Record(int Line, List<string> Fields);
}
