namespace Cabinet.People;

/// <summary>
/// What a person may do in their own organisation: attend what they are invited to (member), also create and prepare
/// meetings (organiser), also manage accounts and see every scheduled meeting as an observer (administrator).
/// </summary>
public enum OrganizationRole
{
    Member = 0,
    Organizer = 1,
    Administrator = 2,
}
