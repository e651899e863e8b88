using Cabinet.People;

namespace Cabinet.Web.Administration;

/// <summary>An organisation in an administrator's tree, at <paramref name="Depth"/> below the top of what they administer.</summary>
public sealed record OrganizationNode(OrganizationProfile Profile, int Depth, SecondFactorPolicy SecondFactor);
