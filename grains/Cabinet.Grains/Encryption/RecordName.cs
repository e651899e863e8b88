namespace Cabinet.Encryption;

/// <summary>
/// What a stored record is (its kind: "document", "ledger", "state/meetings/meeting"…) and which one (its name: a meeting
/// id, a hash, a grain key): both are bound into the record's envelope, so a record copied over another fails to open.
/// A name that starts with an organisation ("tinh/hop-1", "tinh/hop-1/p2") is sealed under that organisation's data key.
/// </summary>
public readonly record struct RecordName(string Kind, string Name)
{
    public const string Installation = "installation";

    /// <summary>The data key's scope: the organisation the name starts with, else the installation.</summary>
    public string Scope
    {
        get
        {
            var slash = Name.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && Meetings.MeetingKey.IsValid(Meetings.MeetingKey.Of(Name[..slash], "x")) ? "o/" + Name[..slash] : Installation;
        }
    }
}
