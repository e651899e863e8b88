using StackExchange.Redis;

namespace Cabinet.Bench;

/// <summary>
/// The size of a meeting grain's stored <c>meeting</c> state (not its followers or connections), read from outside the
/// server: its JSON file in embedded mode (<c>meetings/meeting.meeting_2F…json</c>), the <c>data</c> field of its hash in
/// Redis mode (Orleans' Redis grain storage keeps <c>etag</c> and <c>data</c> under
/// <c>&lt;serviceId&gt;/state/&lt;grainId&gt;/&lt;stateName&gt;</c>). The ledger journal is stored apart and not counted.
/// </summary>
public static class StoredState
{
    /// <returns>Bytes, or -1 when not found.</returns>
    public static async Task<long> BytesAsync(Testing.CabinetServerOptions server, string meetingId)
    {
        var slug = meetingId[(meetingId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (server.RedisConnectionString is not { } redis)
        {
            var folder = Path.Combine(server.DataPath, "meetings");
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, $"meeting.*{slug}.json").Select(f => new FileInfo(f).Length).DefaultIfEmpty(-1).Max()
                : -1;
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var database = connection.GetDatabase();
        var sizes = new List<long>();
        await foreach (var key in connection.GetServer(connection.GetEndPoints()[0]).KeysAsync(pattern: $"*/state/*{slug}/meeting"))
        {
            sizes.Add(await database.HashStringLengthAsync(key, "data"));
        }

        return sizes.DefaultIfEmpty(-1).Max();
    }
}
