using Cabinet.People;

namespace Cabinet.Web.Administration;

/// <summary>The organisation roles as the admin API and the CSV import write them: member, organizer, administrator.</summary>
public static class OrganizationRoles
{
    /// <returns>The role (member when empty), or null when the name is none of the three.</returns>
    public static OrganizationRole? Parse(string? role) => (role ?? "member") switch
    {
        "member" => OrganizationRole.Member,
        "organizer" => OrganizationRole.Organizer,
        "administrator" => OrganizationRole.Administrator,
        _ => null,
    };

    public static string Name(OrganizationRole role) => role.ToString().ToLowerInvariant();

    /// <summary>As the /admin page shows it.</summary>
    public static string Vietnamese(OrganizationRole role) => role switch
    {
        OrganizationRole.Administrator => "Quản trị viên",
        OrganizationRole.Organizer => "Người tổ chức họp",
        _ => "Thành viên",
    };
}
