using Cabinet.Closing;
using Cabinet.Meetings;
using Cabinet.Testing;
using Cabinet.Voting.Ledger;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>The host dies while drafting the minutes or archiving; after a restart the meeting is archived once, with one archive.</summary>
public sealed class SealingFaultTests
{
    [Theory]
    [InlineData("after-minutes")]
    [InlineData("after-archive")]
    public async Task A_crash_while_sealing_ends_with_exactly_one_archive_after_restart(string step)
    {
        var options = new CabinetServerOptions { ExtraArguments = [$"--Cabinet:FaultInjection:CrashWhileSealing={step}"] };
        var server = await CabinetServer.StartAsync(options);
        string id;
        try
        {
            id = await ClosingFlow.HoldAndCloseAsync(server, hostMayDie: true);
            if (step == "after-archive")
            {
                // The archive comes once the minutes are signed and sealed; the host dies right after storing it.
                try
                {
                    await MinutesSigner.SignAndSealAsync(server.BaseAddress, id);
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    // The connection went down with the host before the archive was recorded.
                }
            }

            await WaitForExitAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await CabinetServer.StartAsync(options with { ExtraArguments = [] });
        var sealedMeeting = await ClosingFlow.WaitForArchiveAsync(restarted, id);
        await using var chair = await MeetingHubClient.ConnectAsync(restarted.BaseAddress, "chutich");
        var ledger = (await chair.Connection.InvokeAsync<Errors.Result<LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id)).Value!;

        Assert.Equal(MeetingStatus.Closed, sealedMeeting.Status);
        Assert.Single(ledger, e => e.Command == MeetingEventKinds.Closed);
        Assert.Single(ledger, e => e.Command == MeetingEventKinds.Archived);
        var archives = Directory.GetFiles(Path.Combine(options.DataPath, "archives"), "*", SearchOption.AllDirectories);
        Assert.Single(archives);
        Assert.True(new FileInfo(archives[0]).IsReadOnly);
        var archived = ledger.Single(e => e.Command == MeetingEventKinds.Archived);
        Assert.Contains(sealedMeeting.Archive!.ManifestSha256, archived.Detail, StringComparison.Ordinal);
    }

    private static async Task WaitForExitAsync(CabinetServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                await http.GetAsync(new Uri("/health", UriKind.Relative));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The fault injection did not stop the server.");
    }
}
