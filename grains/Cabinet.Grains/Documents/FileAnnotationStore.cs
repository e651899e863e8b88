using Cabinet.Encryption;
using Cabinet.Storage;

namespace Cabinet.Documents;

/// <summary>
/// The embedded mode's annotations: one small JSON file per entry under
/// <c>&lt;DataPath&gt;/annotations/&lt;org&gt;/&lt;meeting&gt;/&lt;document&gt;/</c> (<c>a17.json</c>, <c>header.json</c>), each
/// sealed, written to a temporary file, flushed to disk and renamed over the old one like the grain state files, owner-only.
/// </summary>
public sealed class FileAnnotationStore(string dataPath, RecordCipher cipher) : IAnnotationStore
{
    private const string Extension = ".json";

    private readonly string _root = PrivateFiles.Folder(Path.Combine(dataPath, "annotations"));

    public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(string meetingId, string documentId)
    {
        var folder = FolderOf(meetingId, documentId);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (AnnotationEntryName.IsValid(name))
            {
                entries[name] = cipher.Open(AnnotationEntryName.RecordOf(meetingId, documentId, name), await File.ReadAllBytesAsync(path));
            }
        }

        return entries;
    }

    public Task PutAsync(string meetingId, string documentId, IReadOnlyList<KeyValuePair<string, byte[]>> entries)
    {
        var folder = FolderOf(meetingId, documentId);
        if (entries.Count > 0 && !Directory.Exists(folder))
        {
            PrivateFiles.Folder(Path.GetDirectoryName(Path.GetDirectoryName(folder)!)!);
            PrivateFiles.Folder(Path.GetDirectoryName(folder)!);
            PrivateFiles.Folder(folder);
        }

        foreach (var (name, content) in entries)
        {
            PrivateFiles.Replace(Path.Combine(folder, AnnotationEntryName.Require(name) + Extension), cipher.Seal(AnnotationEntryName.RecordOf(meetingId, documentId, name), content));
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string meetingId, string documentId, string name)
    {
        File.Delete(Path.Combine(FolderOf(meetingId, documentId), AnnotationEntryName.Require(name) + Extension));
        PrivateFiles.SyncFolder(FolderOf(meetingId, documentId));
        return Task.CompletedTask;
    }

    // Meeting ids are validated slugs "org/meeting" and document ids slugs: three folders, as the ledger keeps them.
    private string FolderOf(string meetingId, string documentId)
    {
        AnnotationEntryName.RequireDocument(meetingId, documentId);
        return Path.Combine(_root, Meetings.MeetingKey.OrganizationOf(meetingId), meetingId[(meetingId.IndexOf('/', StringComparison.Ordinal) + 1)..], documentId);
    }
}
