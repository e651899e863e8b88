using System.Collections;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// The connection ids of one push, for <c>Clients.Clients(…)</c>. SignalR sends to a list by testing every connection of
/// the host against it with <see cref="Enumerable.Contains{TSource}(IEnumerable{TSource}, TSource)"/>, which uses
/// <see cref="ICollection{T}.Contains"/> when the list has one: a hash lookup here, where a plain list is scanned — a
/// million string comparisons for a shared note to the 1,000 screens of one meeting, ten notes a second.
/// </summary>
internal sealed class ConnectionIds : IReadOnlyList<string>, ICollection<string>
{
    private readonly List<string> _ids;
    private readonly HashSet<string> _set;

    public ConnectionIds(IEnumerable<string> ids)
    {
        _ids = [.. ids];
        _set = new HashSet<string>(_ids, StringComparer.Ordinal);
    }

    public int Count => _ids.Count;

    public bool IsReadOnly => true;

    public string this[int index] => _ids[index];

    public bool Contains(string item) => _set.Contains(item);

    public void CopyTo(string[] array, int arrayIndex) => _ids.CopyTo(array, arrayIndex);

    public IEnumerator<string> GetEnumerator() => _ids.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<string>.Add(string item) => throw new NotSupportedException();

    void ICollection<string>.Clear() => throw new NotSupportedException();

    bool ICollection<string>.Remove(string item) => throw new NotSupportedException();
}
