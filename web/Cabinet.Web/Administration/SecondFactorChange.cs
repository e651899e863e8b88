namespace Cabinet.Web.Administration;

/// <summary>The body of <c>PUT /api/admin/organizations/{id}/second-factor</c>: administrators, administrators_and_organizers or optional.</summary>
public sealed record SecondFactorChange(string? Policy);
