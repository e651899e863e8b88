namespace Cabinet.Records.Archive;

/// <summary>
/// A poll's sealed record: its result (JSON, signed) and any further files such as the ballot chain
/// ("ballots.jsonl"), stored under polls/&lt;PollId&gt;/. Extra files are checked by <see cref="ArchiveFileCheck"/>s.
/// </summary>
/// <param name="ResultSignature">Detached CMS over <paramref name="ResultJson"/>; when null the archive signer signs it.</param>
public sealed record ArchivePoll(string PollId, byte[] ResultJson, byte[]? ResultSignature = null)
{
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();
}
