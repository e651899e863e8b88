using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// Open connections per person (tabs, apps, circuits), each with its host. The grain stores them (<see cref="ConnectionState"/>)
/// so a new activation knows who is still connected, and drops a host's connections when the cluster declares it dead.
/// </summary>
internal sealed class ConnectionRegistry
{
    private readonly Dictionary<string, OpenConnection> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countByUser = new(StringComparer.Ordinal);
    private long _changes;
    private long _stored;

    /// <summary>Whether something changed since the last <see cref="ToState"/> that was stored.</summary>
    public bool Unstored => _changes != _stored;

    public bool IsEmpty => _byId.Count == 0;

    public int Count => _byId.Count;

    public IEnumerable<string> Hosts => _byId.Values.Select(c => c.Host).Distinct(StringComparer.Ordinal);

    /// <returns>true when this is the person's first open connection.</returns>
    public bool Add(string userName, string connectionId, string host)
    {
        if (_byId.TryGetValue(connectionId, out var existing))
        {
            if (existing.UserName != userName || existing.Host == host)
            {
                return false;
            }

            _byId[connectionId] = existing with { Host = host };
            _changes++;
            return false;
        }

        _byId[connectionId] = new OpenConnection(userName, host);
        _changes++;
        var count = _countByUser.GetValueOrDefault(userName) + 1;
        _countByUser[userName] = count;
        return count == 1;
    }

    /// <returns>true when that was the person's last open connection.</returns>
    public bool Remove(string userName, string connectionId)
    {
        if (!_byId.TryGetValue(connectionId, out var connection) || connection.UserName != userName)
        {
            return false;
        }

        _byId.Remove(connectionId);
        _changes++;
        var count = _countByUser[userName] - 1;
        if (count == 0)
        {
            _countByUser.Remove(userName);
            return true;
        }

        _countByUser[userName] = count;
        return false;
    }

    /// <summary>Forgets every connection held by <paramref name="host"/>.</summary>
    /// <returns>The people who had connections there (whether or not they still have others elsewhere).</returns>
    public IReadOnlyList<string> DropHost(string host)
    {
        var dropped = _byId.Where(c => c.Value.Host == host).ToList();
        foreach (var (id, connection) in dropped)
        {
            Remove(connection.UserName, id);
        }

        return [.. dropped.Select(c => c.Value.UserName).Distinct(StringComparer.Ordinal)];
    }

    public bool HasAny(string userName) => _countByUser.ContainsKey(userName);

    public void Load(ConnectionState state)
    {
        _byId.Clear();
        _countByUser.Clear();
        foreach (var (id, connection) in state.Open)
        {
            _byId[id] = connection;
            _countByUser[connection.UserName] = _countByUser.GetValueOrDefault(connection.UserName) + 1;
        }

        _stored = _changes;
    }

    /// <returns>The state to store, and a mark to pass to <see cref="Stored"/> once the write succeeded.</returns>
    public (ConnectionState State, long Mark) ToState() =>
        (new ConnectionState { Open = _byId.ToImmutableDictionary(StringComparer.Ordinal) }, _changes);

    public void Stored(long mark) => _stored = mark;
}
