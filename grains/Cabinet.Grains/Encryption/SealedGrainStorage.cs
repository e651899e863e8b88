using Orleans.Storage;

namespace Cabinet.Encryption;

/// <summary>
/// Grain state sealed at rest, around either storage mode's grain storage: the state is serialized to JSON here, sealed
/// under its organisation's data key (or the installation's) and handed to <paramref name="stored"/> as opaque bytes
/// (<see cref="SealedState"/>), so the file or the Redis hash holds only the envelope. The ETag stays the stored one's.
/// </summary>
public sealed class SealedGrainStorage(string name, IGrainStorage stored, IGrainStorageStreamingSerializer serializer, RecordCipher cipher) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = new GrainState<SealedState>();
        await stored.ReadStateAsync(stateName, grainId, record);
        (grainState.ETag, grainState.RecordExists) = (record.ETag, record.RecordExists);
        grainState.State = record.RecordExists && record.State is { Bytes.Length: > 0 } bytes
            ? serializer.Deserialize<T>(new BinaryData(cipher.Open(RecordOf(stateName, grainId), bytes.Bytes)))
            : Activator.CreateInstance<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Streamed into a growing array of its own, not serialized in one go: that rents ever larger buffers from the
        // shared array pool, and each thread pool thread then keeps its own 128 KiB–2 MiB copies (a meeting of thousands
        // writes its state per batch of arrivals), tens of megabytes held for nothing after a join burst.
        using var json = new MemoryStream();
        await serializer.SerializeAsync(grainState.State, json);
        var sealedState = new SealedState(cipher.Seal(RecordOf(stateName, grainId), json.GetBuffer().AsSpan(0, (int)json.Length)));
        var record = new GrainState<SealedState>(sealedState, grainState.ETag) { RecordExists = grainState.RecordExists };
        await stored.WriteStateAsync(stateName, grainId, record);
        (grainState.ETag, grainState.RecordExists) = (record.ETag, record.RecordExists);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = new GrainState<SealedState>(new SealedState([]), grainState.ETag) { RecordExists = grainState.RecordExists };
        await stored.ClearStateAsync(stateName, grainId, record);
        (grainState.ETag, grainState.RecordExists, grainState.State) = (record.ETag, record.RecordExists, Activator.CreateInstance<T>());
    }

    private RecordName RecordOf(string stateName, GrainId grainId) => new($"state/{name}/{stateName}/{grainId.Type}", grainId.Key.ToString()!);
}

/// <summary>A grain state as the bytes its storage keeps (an envelope, or JSON from before encryption).</summary>
public sealed record SealedState(byte[] Bytes)
{
    public SealedState()
        : this([])
    {
    }
}

/// <summary>The serializer of the storage under <see cref="SealedGrainStorage"/>: <see cref="SealedState"/> as its bytes, nothing added.</summary>
public sealed class SealedStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => input is SealedState state
        ? new BinaryData(state.Bytes)
        : throw new InvalidOperationException($"Grain state reaches its storage only sealed, not as {typeof(T).Name}.");

    public T Deserialize<T>(BinaryData input) => typeof(T) == typeof(SealedState)
        ? (T)(object)new SealedState(input.ToArray())
        : throw new InvalidOperationException($"Grain state leaves its storage only sealed, not as {typeof(T).Name}.");
}
