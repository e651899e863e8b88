namespace Cabinet.Meetings;

/// <summary>
/// Tells whether a host that holds connections has left the cluster, from this silo's view of the membership.
/// A host the cluster declared dead is gone; so is one it does not know at all when that host is older than this silo
/// (it would be known if it were alive) or another silo now runs at its endpoint (it restarted). A newer unknown host may
/// still be joining, so it gets <see cref="MeetingSubscriptions.UnknownHostGrace"/>.
/// </summary>
internal sealed class HostWatch(SiloAddress self)
{
    private readonly Dictionary<string, DateTimeOffset> _unknownSince = new(StringComparer.Ordinal);

    public bool IsGone(string host, ClusterMembershipSnapshot members, DateTimeOffset now)
    {
        if (!SiloAddress.TryParse(host, out var silo))
        {
            // Not a silo address (an in-process test host): nothing to check it against.
            return false;
        }

        var status = members.GetSiloStatus(silo);
        if (status == SiloStatus.Dead)
        {
            return true;
        }

        if (status != SiloStatus.None)
        {
            _unknownSince.Remove(host);
            return false;
        }

        if (silo.Generation < self.Generation || members.Members.Keys.Any(m => m.Endpoint.Equals(silo.Endpoint) && m.Generation > silo.Generation))
        {
            return true;
        }

        if (!_unknownSince.TryGetValue(host, out var since))
        {
            _unknownSince[host] = since = now;
        }

        return now - since >= MeetingSubscriptions.UnknownHostGrace;
    }
}
