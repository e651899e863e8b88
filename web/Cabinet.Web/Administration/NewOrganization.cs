namespace Cabinet.Web.Administration;

/// <summary>The body of <c>POST /api/admin/organizations</c>: an organisation under one the administrator administers.</summary>
public sealed record NewOrganization(string? Id, string? Name, string? ParentId);
