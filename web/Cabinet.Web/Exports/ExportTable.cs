namespace Cabinet.Web.Exports;

/// <summary>One sheet of a meeting's record: its column headers and its rows, read as they are written (a page at a time).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// A cell a spreadsheet will not run: text starting with = + - @ (or a tab or carriage return) gets a leading
    /// apostrophe, the OWASP rule for CSV injection; everything else is kept as it is.
    /// </summary>
    public static string Inert(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? "";
}
