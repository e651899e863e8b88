namespace Cabinet.Storage;

/// <summary>Names of the grain storage providers; both storage modes register the same names.</summary>
public static class StorageNames
{
    public const string Meetings = "meetings";
    public const string People = "people";
}
