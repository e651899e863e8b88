using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Cabinet.Web.Hosting;

/// <summary>
/// Kestrel's socket buffers come from the process's shared array pool, as SignalR's own connection pipes already do.
/// Kestrel's default pool keeps every 4 KiB block it ever needed at once and gives back at most 1 % of them every
/// 10 s while the server is busy: a fan-out to N screens briefly needs about N blocks, so after one meeting of a
/// thousand screens it kept some 6 MiB for good. The shared pool keeps a bounded number of arrays per core and lets
/// the rest go to the garbage collector (docs/perf, "Memory per delegate").
/// </summary>
public sealed class SharedBufferPoolFactory : IMemoryPoolFactory<byte>
{
    // The shared pool is never disposed (its Dispose does nothing), so Kestrel may dispose what it was given.
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => MemoryPool<byte>.Shared;
}
