namespace Cabinet.Meetings;

/// <summary>
/// The last meeting version each person's client said it applied (the highest over their tabs). Memory only:
/// acknowledgements are a view for the chair, not a record, and must never become an event themselves.
/// </summary>
internal sealed class RoomAcknowledgements
{
    private readonly Dictionary<string, long> _byUser = new(StringComparer.Ordinal);

    public void Acknowledge(string userName, long version, long current)
    {
        var seen = Math.Min(version, current);
        if (seen >= 0 && (!_byUser.TryGetValue(userName, out var before) || seen > before))
        {
            _byUser[userName] = seen;
        }
    }

    public long? Of(string userName) => _byUser.TryGetValue(userName, out var version) ? version : null;
}
