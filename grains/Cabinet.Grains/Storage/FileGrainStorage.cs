using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Cabinet.Storage;

/// <summary>
/// Grain state as one JSON file per grain under a data folder: the embedded mode's durable store.
/// A write goes to a temporary file that is flushed to disk and then renamed over the old one, so a crash
/// leaves either the old or the new state, never half of one. The ETag is a counter kept in the file.
/// </summary>
public sealed partial class FileGrainStorage(string name, string folder, IGrainStorageSerializer serializer, ILogger<FileGrainStorage> logger)
    : IGrainStorage
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var newline = Array.IndexOf(bytes, (byte)'\n');
        grainState.ETag = Encoding.ASCII.GetString(bytes, 0, newline);
        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes.AsMemory(newline + 1)));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var stored = File.Exists(path) ? await ReadETagAsync(path) : null;
        if (stored != grainState.ETag)
        {
            throw new InconsistentStateException($"ETag mismatch for {grainId}", stored, grainState.ETag);
        }

        var etag = ((long.TryParse(stored, out var n) ? n : 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await file.WriteAsync(Encoding.ASCII.GetBytes(etag + "\n"));
            await file.WriteAsync(serializer.Serialize(grainState.State).ToMemory());
            await file.FlushAsync();
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        PrivateFiles.SyncFolder(Path.GetDirectoryName(path)!);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(PathOf(stateName, grainId));
        LogCleared(grainId);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private static async Task<string> ReadETagAsync(string path)
    {
        using var reader = new StreamReader(path, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    private string PathOf(string stateName, GrainId grainId)
    {
        var fileName = Uri.EscapeDataString($"{stateName}.{grainId}").Replace("%", "_", StringComparison.Ordinal);
        return Path.Combine(_folder, fileName + ".json");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared the stored state of {GrainId}")]
    private partial void LogCleared(GrainId grainId);
}
