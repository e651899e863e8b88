using System.Diagnostics;

namespace Cabinet.Web.Hosting;

/// <summary>Stops the server when the process that started it (a test run) has gone, so no server outlives its tests.</summary>
public sealed class ParentProcessWatch(int parentProcessId, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!IsAlive(parentProcessId))
            {
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
