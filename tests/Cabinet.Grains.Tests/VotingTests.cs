using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Signing;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Signing;
using Cabinet.Voting.Tallying;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Grains.Tests;

/// <summary>Polls through the meeting grain and ballots through the poll grain; run once per storage mode.</summary>
public abstract class VotingTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task Ballots_are_receipted_counted_once_and_the_result_is_signed()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        var pollId = await OpenPollAsync(meeting, Secrecy.Named);

        var receipts = new List<Receipt>();
        foreach (var (voter, choice) in voters.Zip(["yes", "yes", "abstain"]))
        {
            var cast = await Poll(id, pollId).CastAsync(voter.Actor, voter.Ballot(id, pollId, choice));
            Assert.True(cast.Ok, cast.Error?.Code);
            receipts.Add(cast.Value!);
        }

        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, pollId)).Ok);
        var poll = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!.Polls.Single();
        var result = poll.Result!;
        Assert.Equal(PollStatus.Closed, poll.Status);
        Assert.Empty(poll.EligibleVoters);   // an ended poll keeps only their number: the ballot chain knows who
        Assert.Equal(3, poll.Eligible);
        Assert.Equal(3, result.BallotCount);
        Assert.Equal(2, result.Outcome.Yes);
        Assert.Equal(1, result.Outcome.Abstain);
        Assert.True(result.Outcome.Passed, result.Outcome.ExplanationVi); // 2 of the 3 members
        var chain = (await meeting.GetBallotChainAsync(ClusterFixture.Delegate2, pollId)).Value!;
        Assert.All(receipts, r => Assert.True(chain.Contains(r)));
        Assert.Equal(result.ChainHead, chain.Head);
        Assert.Null(BallotChain.FindFirstFault(chain.Entries, result.ChainHead, 3));

        var root = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(Signers().TrustAnchorPem);
        var signed = (await meeting.GetPollResultAsync(ClusterFixture.Delegate2, pollId)).Value!;
        Assert.Equal(signed.Summary().DocumentSha256, result.DocumentSha256);
        var verification = CmsDetachedSignature.Verify(System.Text.Encoding.UTF8.GetBytes(signed.DocumentJson), Convert.FromBase64String(signed.SignatureBase64), root);
        Assert.True(verification.IsValid, verification.Failure);
    }

    [Fact]
    public async Task Every_bad_ballot_is_refused_with_its_own_code_and_the_tally_is_unchanged()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        var pollId = await OpenPollAsync(meeting, Secrecy.Named);
        var (chair, d1, d2) = (voters[0], voters[1], voters[2]);
        var first = d1.Ballot(id, pollId, "yes");
        Assert.True((await Poll(id, pollId).CastAsync(d1.Actor, first)).Ok);
        var colleague = await TestVoter.RegisterAsync(Grains, ClusterFixture.Colleague);
        var revoked = await TestVoter.RegisterAsync(Grains, ClusterFixture.Delegate2);
        await Grains.GetGrain<People.IUserGrain>("delegate2").RevokeDeviceAsync(revoked.DeviceId);

        var replay = await Poll(id, pollId).CastAsync(d1.Actor, first);
        var attempts = new (string Code, Task<Result<Receipt>> Cast)[]
        {
            ("ballot.already_voted", Poll(id, pollId).CastAsync(d1.Actor, d1.Ballot(id, pollId, "no"))),
            ("ballot.not_eligible", Poll(id, pollId).CastAsync(colleague.Actor, colleague.Ballot(id, pollId, "yes"))),
            ("device.unknown", Poll(id, pollId).CastAsync(d2.Actor, d2.Ballot(id, pollId, "yes") with { DeviceId = "d9-khong-co" })),
            ("device.revoked", Poll(id, pollId).CastAsync(d2.Actor, revoked.Ballot(id, pollId, "yes"))),
            ("ballot.bad_signature", Poll(id, pollId).CastAsync(d2.Actor, d2.Forged(id, pollId, "yes"))),
            ("ballot.bad_signature", Poll(id, pollId).CastAsync(chair.Actor, d2.Ballot(id, pollId, "yes") with { DeviceId = chair.DeviceId })),
            ("ballot.wrong_poll", Poll(id, pollId).CastAsync(d2.Actor, d2.Ballot("tinh/cuoc-hop-khac", pollId, "yes"))),
            ("ballot.invalid_choice", Poll(id, pollId).CastAsync(d2.Actor, d2.Ballot(id, pollId, "yes", "no"))),
            ("ballot.malformed", Poll(id, pollId).CastAsync(d2.Actor, d2.Ballot(id, pollId, "yes") with { Signature = "khong-phai-base64!" })),
            ("poll.not_found", Poll(id, "p99").CastAsync(d2.Actor, d2.Ballot(id, "p99", "yes"))),
        };

        Assert.Equal(1, replay.Value!.Position);
        foreach (var (code, cast) in attempts)
        {
            var refused = await cast;
            Assert.False(refused.Ok, code);
            Assert.Equal(code, refused.Error!.Code);
            Assert.False(string.IsNullOrWhiteSpace(refused.Error.Message));
        }

        var participation = (await meeting.GetPollParticipationAsync(ClusterFixture.Chair, pollId)).Value!;
        Assert.Equal(1, participation.Voted);
        Assert.Equal(["chair", "delegate2"], participation.NotYetVoted!.Value.Order());
    }

    [Fact]
    public async Task Only_a_bare_P256_public_key_registers_as_a_device()
    {
        var user = Grains.GetGrain<People.IUserGrain>(ClusterFixture.Colleague.UserName);
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var spki = p256.ExportSubjectPublicKeyInfo();
        foreach (var bad in new[] { "khong-phai-base64!", Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), Convert.ToBase64String([.. spki, 0]), "" })
        {
            Assert.Equal(ErrorCodes.DeviceInvalidKey.Code, (await user.RegisterDeviceAsync("Máy thử", bad)).Error?.Code);
        }

        Assert.True((await user.RegisterDeviceAsync("Máy thử", Convert.ToBase64String(spki))).Ok);
    }

    [Fact]
    public async Task A_device_is_certified_when_it_first_signs_a_record_and_keeps_that_certificate()
    {
        var user = Grains.GetGrain<People.IUserGrain>(ClusterFixture.Colleague.UserName);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var registered = (await user.RegisterDeviceAsync("Máy thử", Convert.ToBase64String(spki))).Value!;
        Assert.Null(registered.CertificateBase64);

        var certified = (await user.CertifyDeviceAsync(registered.DeviceId)).Value!;
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certified.CertificateBase64!));
        Assert.Equal(spki, certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(certified.CertificateBase64, (await user.CertifyDeviceAsync(registered.DeviceId)).Value!.CertificateBase64);
        Assert.Equal(certified.CertificateBase64, (await user.GetDevicesAsync()).Single(d => d.DeviceId == registered.DeviceId).CertificateBase64);
    }

    [Fact]
    public async Task A_device_revoked_after_it_signed_a_ballot_signs_no_more()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        var d1 = voters[1];
        var first = await OpenPollAsync(meeting, Secrecy.Named);
        Assert.True((await Poll(id, first).CastAsync(d1.Actor, d1.Ballot(id, first, "yes"))).Ok);
        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, first)).Ok);
        Assert.True((await Grains.GetGrain<People.IUserGrain>(d1.Actor.UserName).RevokeDeviceAsync(d1.DeviceId)).Ok);

        var second = await OpenPollAsync(meeting, Secrecy.Named);
        var refused = await Poll(id, second).CastAsync(d1.Actor, d1.Ballot(id, second, "yes"));
        Assert.Equal(ErrorCodes.DeviceRevoked.Code, refused.Error?.Code);
        var again = await TestVoter.RegisterAsync(Grains, d1.Actor);
        Assert.True((await Poll(id, second).CastAsync(d1.Actor, again.Ballot(id, second, "yes"))).Ok);
    }

    [Fact]
    public async Task Ballots_racing_the_close_are_either_receipted_and_counted_or_refused()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        var pollId = await OpenPollAsync(meeting, Secrecy.Secret);

        var casts = voters.Select(v => Poll(id, pollId).CastAsync(v.Actor, v.Ballot(id, pollId, "yes"))).ToList();
        var close = meeting.ClosePollAsync(ClusterFixture.Chair, pollId);
        var results = await Task.WhenAll(casts);
        Assert.True((await close).Ok);

        var result = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Polls.Single().Result!;
        Assert.Equal(results.Count(r => r.Ok), result.BallotCount);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("poll.closed", r.Error!.Code));
        var late = await Poll(id, pollId).CastAsync(voters[0].Actor, voters[0].Ballot(id, pollId, "no"));
        Assert.Equal("poll.closed", late.Error!.Code);
    }

    [Fact]
    public async Task A_secret_poll_never_links_a_voter_to_a_choice()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        var pollId = await OpenPollAsync(meeting, Secrecy.Secret);
        foreach (var voter in voters)
        {
            Assert.True((await Poll(id, pollId).CastAsync(voter.Actor, voter.Ballot(id, pollId, "no"))).Ok);
        }

        Assert.Null((await meeting.GetPollParticipationAsync(ClusterFixture.Chair, pollId)).Value!.NotYetVoted);
        await meeting.ClosePollAsync(ClusterFixture.Chair, pollId);
        var chain = (await meeting.GetBallotChainAsync(ClusterFixture.Chair, pollId)).Value!;
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;

        Assert.All(chain.Entries, e => Assert.Null(e.Ballot.Voter));
        Assert.DoesNotContain(ledger, e => e.Detail.Contains("delegate1", StringComparison.Ordinal) && e.Command.StartsWith("poll.", StringComparison.Ordinal));
        Assert.False((await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Polls.Single().Result!.Outcome.Passed);
    }

    [Fact]
    public async Task Only_the_chair_runs_polls_and_the_meeting_cannot_close_over_an_open_poll()
    {
        var (meeting, _, _) = await cluster.LiveMeetingWithVotersAsync();
        var motion = new MotionInput("i1", "Thông qua nội dung 1");

        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.OpenPollAsync(ClusterFixture.Delegate1, motion)).Error!.Code);
        Assert.Equal(ErrorCodes.AgendaItemNotFound.Code, (await meeting.OpenPollAsync(ClusterFixture.Chair, motion with { AgendaItemId = "i9" })).Error!.Code);
        Assert.Equal("motion.title_required", (await meeting.OpenPollAsync(ClusterFixture.Chair, motion with { Title = " " })).Error!.Code);
        var pollId = await OpenPollAsync(meeting, Secrecy.Named);
        Assert.Equal(ErrorCodes.PollOpen.Code, (await meeting.OpenPollAsync(ClusterFixture.Chair, motion)).Error!.Code);
        Assert.Equal(ErrorCodes.PollOpen.Code, (await meeting.CloseAsync(ClusterFixture.Chair)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ClosePollAsync(ClusterFixture.Secretary, pollId)).Error!.Code);
        Assert.True((await meeting.CancelPollAsync(ClusterFixture.Chair, pollId, "Cần bổ sung tài liệu")).Ok);
        Assert.Equal(ErrorCodes.PollNotOpen.Code, (await meeting.ClosePollAsync(ClusterFixture.Chair, pollId)).Error!.Code);
        Assert.True((await meeting.CloseAsync(ClusterFixture.Chair)).Ok);
    }

    [Fact]
    public async Task A_meeting_holds_a_bounded_number_of_polls()
    {
        var (meeting, _, _) = await cluster.LiveMeetingWithVotersAsync();
        var motion = new MotionInput("i1", "Thông qua nội dung 1");
        for (var i = 0; i < PollDecisions.MaxPolls; i++)
        {
            Assert.True((await meeting.OpenPollAsync(ClusterFixture.Chair, motion)).Ok);
            var open = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.OpenPoll!;
            Assert.Equal(3, open.EligibleVoters.Length);
            Assert.True((await meeting.CancelPollAsync(ClusterFixture.Chair, open.PollId, "Mở nhầm")).Ok);
        }

        var version = await meeting.GetVersionAsync();
        Assert.Equal(ErrorCodes.PollsFull.Code, (await meeting.OpenPollAsync(ClusterFixture.Chair, motion)).Error!.Code);
        Assert.Equal(version, await meeting.GetVersionAsync());
        var polls = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Polls;
        Assert.All(polls, p => Assert.True(p is { Status: PollStatus.Cancelled, EligibleVoters.IsEmpty: true, Eligible: 3 }));
    }

    private static async Task<string> OpenPollAsync(IMeetingGrain meeting, Secrecy secrecy)
    {
        var opened = await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua nội dung 1", Secrecy: secrecy));
        Assert.True(opened.Ok, opened.Error?.Code);
        return (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.OpenPoll!.PollId;
    }

    private IPollGrain Poll(string meetingId, string pollId) => Grains.GetGrain<IPollGrain>($"{meetingId}/{pollId}");

    private OrganizationSigners Signers() =>
        cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress).GetRequiredService<OrganizationSigners>();
}

public sealed class VotingOnDisk(FileStorageCluster cluster) : VotingTests<FileStorageCluster>(cluster);

public sealed class VotingInRedis(RedisStorageCluster cluster) : VotingTests<RedisStorageCluster>(cluster);
