using Microsoft.Extensions.Options;

namespace Cabinet.Hub.Limits;

/// <summary>Counts each person's open hub connections on this host and refuses one beyond the configured number.</summary>
public sealed class ConnectionQuota(IOptions<RateLimitOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.ConnectionsPerUser;

    public bool IsFull(string userName)
    {
        lock (_open)
        {
            return _open.GetValueOrDefault(userName) >= Limit;
        }
    }

    public bool TryEnter(string userName)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(userName);
            if (open >= Limit)
            {
                return false;
            }

            _open[userName] = open + 1;
            return true;
        }
    }

    public void Leave(string userName)
    {
        lock (_open)
        {
            if (_open.TryGetValue(userName, out var open))
            {
                if (open <= 1)
                {
                    _open.Remove(userName);
                }
                else
                {
                    _open[userName] = open - 1;
                }
            }
        }
    }
}
