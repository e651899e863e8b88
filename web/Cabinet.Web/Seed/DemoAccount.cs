using Cabinet.People;

namespace Cabinet.Web.Seed;

/// <summary>A demo sign-in account: who it is meant to be in the demo meetings, and their organisation role.</summary>
public sealed record DemoAccount(string UserName, string OrganizationId, string Position, OrganizationRole Role = OrganizationRole.Member);
