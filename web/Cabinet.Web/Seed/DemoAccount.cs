namespace Cabinet.Web.Seed;

/// <summary>A demo sign-in account: who it is meant to be in the demo meetings.</summary>
public sealed record DemoAccount(string UserName, string OrganizationId, string Position, bool IsAdministrator = false);
