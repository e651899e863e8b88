namespace Cabinet.Web.Administration;

/// <summary>
/// What became of one row of an import: created (with the temporary password generated for it, shown once, when the
/// row gave none), or refused with a stable code and a Vietnamese message.
/// </summary>
public sealed record ImportRowReport(int Row, string UserName, bool Ok, string? Code, string? Message, string? TemporaryPassword);
