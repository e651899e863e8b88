namespace Cabinet.Meetings;

/// <summary>Open connections per person (tabs, apps, circuits). Held in memory only: connections die with their host.</summary>
internal sealed class ConnectionRegistry
{
    private readonly Dictionary<string, HashSet<string>> _byUser = new(StringComparer.Ordinal);

    /// <returns>true when this is the person's first open connection.</returns>
    public bool Add(string userName, string connectionId)
    {
        if (!_byUser.TryGetValue(userName, out var connections))
        {
            _byUser[userName] = connections = new HashSet<string>(StringComparer.Ordinal);
        }

        return connections.Add(connectionId) && connections.Count == 1;
    }

    /// <returns>true when that was the person's last open connection.</returns>
    public bool Remove(string userName, string connectionId)
    {
        if (!_byUser.TryGetValue(userName, out var connections) || !connections.Remove(connectionId))
        {
            return false;
        }

        if (connections.Count == 0)
        {
            _byUser.Remove(userName);
            return true;
        }

        return false;
    }

    public bool HasAny(string userName) => _byUser.ContainsKey(userName);

    /// <summary>Forgets a connection without reporting it (used to undo a registration that was refused).</summary>
    public void Forget(string userName, string connectionId) => Remove(userName, connectionId);
}
