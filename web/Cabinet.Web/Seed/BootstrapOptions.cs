namespace Cabinet.Web.Seed;

/// <summary>
/// The section <c>Cabinet:Bootstrap</c>: the first organisation and its administrator, created once on an installation
/// whose directory is empty (a production install seeds nothing else). The password comes from a file, ideally.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Cabinet:Bootstrap";

    public string? OrganizationId { get; set; }

    public string? OrganizationName { get; set; }

    public string? AdministratorUserName { get; set; }

    public string? AdministratorDisplayName { get; set; }

    public string? AdministratorPassword { get; set; }

    public string? AdministratorPasswordFile { get; set; }
}
