namespace Cabinet.Bench;

public static class Arrivals
{
    /// <summary>Waits until every client has <paramref name="version"/>, or the timeout; true when all have it.</summary>
    public static async Task<bool> WaitAllAsync(IReadOnlyList<BenchClient> clients, long version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var next = 0;
        while (true)
        {
            while (next < clients.Count && clients[next].Has(version))
            {
                next++;
            }

            if (next == clients.Count)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(1);
        }
    }
}
