using System.Collections.Immutable;
using System.Net;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>When a host holding connections counts as gone, from one silo's view of the cluster.</summary>
public sealed class HostWatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly SiloAddress Self = Silo(11111, 2000);

    [Fact]
    public void A_host_declared_dead_is_gone_and_an_active_one_is_not()
    {
        var dead = Silo(11112, 1000);
        var active = Silo(11113, 1500);
        var members = Members((Self, SiloStatus.Active), (dead, SiloStatus.Dead), (active, SiloStatus.Active));
        var watch = new HostWatch(Self);

        Assert.True(watch.IsGone(dead.ToParsableString(), members, Now));
        Assert.False(watch.IsGone(active.ToParsableString(), members, Now));
        Assert.False(watch.IsGone(Self.ToParsableString(), members, Now));
    }

    [Fact]
    public void An_unknown_host_is_gone_when_older_than_this_silo_or_restarted_and_otherwise_after_the_grace()
    {
        var restarted = Silo(11114, 2500);
        var members = Members((Self, SiloStatus.Active), (restarted, SiloStatus.Active));
        var watch = new HostWatch(Self);
        var joining = Silo(11115, 3000).ToParsableString();

        Assert.True(watch.IsGone(Silo(11116, 1000).ToParsableString(), members, Now));
        Assert.True(watch.IsGone(Silo(11114, 2100).ToParsableString(), members, Now));
        Assert.False(watch.IsGone(joining, members, Now));
        Assert.False(watch.IsGone(joining, members, Now + MeetingSubscriptions.UnknownHostGrace - TimeSpan.FromSeconds(1)));
        Assert.True(watch.IsGone(joining, members, Now + MeetingSubscriptions.UnknownHostGrace));
    }

    [Fact]
    public void Something_that_is_not_a_silo_address_is_never_gone()
    {
        Assert.False(new HostWatch(Self).IsGone(ClusterFixture.Host, Members((Self, SiloStatus.Active)), Now));
    }

    private static SiloAddress Silo(int port, int generation) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);

    private static ClusterMembershipSnapshot Members(params (SiloAddress Silo, SiloStatus Status)[] members) => new(
        members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())), new MembershipVersion(1));
}
