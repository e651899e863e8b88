namespace Cabinet.Web.Identity;

/// <summary>The "Cabinet:Oidc" section: the province's OpenID provider, when it runs one (docs/identity.md).</summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Cabinet:Oidc";

    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address; single sign-on is off while this is empty.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret (a mounted secret); wins over the plain setting.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The ID token's claim whose value is the person's Cabinet user name (e.g. preferred_username).</summary>
    public string MatchClaim { get; set; } = "preferred_username";

    /// <summary>The provider's name on the sign-in button: "Đăng nhập bằng …".</summary>
    public string DisplayName { get; set; } = "tài khoản một lần";

    /// <summary>Tests only: an http:// Authority outside Development (the provider the tests start).</summary>
    public bool AllowHttpAuthority { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool IsHttps => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
