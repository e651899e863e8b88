using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Cabinet.Voting.Ledger;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The ledger journal against real processes: killed right after a run of acknowledged commands, Cabinet comes back
/// with every one of them in the ledger, once, in order; the ledger is read in pages that each fit a hub message.
/// </summary>
public sealed class LedgerJournalHubTests
{
    private const int Commands = 120;

    // Embedded mode only: a killed host stays in Redis's membership table and a new one waits minutes for it to be
    // declared dead. The crash window itself is covered in both modes by the grain tests (LedgerJournalTests).
    [Fact]
    public async Task A_killed_host_comes_back_with_every_acknowledged_command_in_the_ledger_once()
    {
        var server = await CabinetServer.StartAsync();
        try
        {
            string id;
            var acknowledged = new List<long>();
            await using (var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich"))
            {
                id = await ServerFixture.NewMeetingAsync(chair);
                acknowledged.Add((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Version);
                for (var i = 0; i < Commands; i++)
                {
                    var result = await chair.InvokeAsync(i % 2 == 0 ? nameof(MeetingHub.NextItem) : nameof(MeetingHub.PreviousItem), id);
                    Assert.True(result.Ok, result.Error?.Code);
                    acknowledged.Add(result.Version);
                }

                server.Kill();
            }

            server = await CabinetServer.StartAsync(server.Options);
            await using var reader = await MeetingHubClient.ConnectAsync(server.BaseAddress, "thuky");
            var ledger = await ReadLedgerAsync(reader, id);

            Assert.Null(LedgerVerifier.FindFirstFault(ledger));
            Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
            Assert.Equal(acknowledged[^1], ledger[^1].Version);
            Assert.All(acknowledged, v => Assert.Single(ledger, e => e.Version == v));
            var snapshot = (await reader.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
            Assert.Equal(acknowledged[^1], snapshot.Version);
            var whole = await reader.Connection.InvokeAsync<Result<LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id);
            Assert.Equal(ErrorCodes.LedgerTooLong.Code, whole.Error?.Code);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<List<LedgerEntry>> ReadLedgerAsync(MeetingHubClient client, string id)
    {
        var ledger = new List<LedgerEntry>();
        for (long? from = 1; from is { } next;)
        {
            var page = await client.Connection.InvokeAsync<Result<LedgerPage>>(nameof(MeetingHub.GetLedgerPage), id, next, 1000);
            Assert.True(page.Ok, page.Error?.Code);
            Assert.InRange(page.Value!.Entries.Length, 1, LedgerPage.MaxEntries);
            Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(page).Length, 1, 48 * 1024);
            ledger.AddRange(page.Value.Entries);
            from = page.Value.NextSequence;
        }

        return ledger;
    }
}
