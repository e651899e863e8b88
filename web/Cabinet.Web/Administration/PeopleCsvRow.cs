using Cabinet.Web.Identity;

namespace Cabinet.Web.Administration;

/// <summary>A person read from a CSV import, with the line of the file their row starts on.</summary>
public sealed record PeopleCsvRow(int Row, NewUser Person);
