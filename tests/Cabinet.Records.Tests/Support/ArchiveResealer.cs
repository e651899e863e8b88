using System.IO.Compression;
using System.Security.Cryptography;
using Cabinet.Records.Archive;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// Changes files of a sealed archive and seals it again with a trusted signer: a new manifest (hashes, sizes) and its
/// signature, and a new result.p7s for a changed result.json. What an insider with the signing key could produce,
/// so the verifier's parsers are reached with hostile content that every signature vouches for.
/// </summary>
public static class ArchiveResealer
{
    public static byte[] Reseal(byte[] zip, SigningIdentity signer, IReadOnlyDictionary<string, byte[]> changes, Func<ArchiveManifest, ArchiveManifest> changeManifest) =>
        Reseal(zip, signer, changes, json => CanonicalJson.Serialize(changeManifest(CanonicalJson.Deserialize<ArchiveManifest>(json))));

    public static byte[] Reseal(byte[] zip, SigningIdentity signer, IReadOnlyDictionary<string, byte[]> changes, Func<byte[], byte[]>? changeManifest = null) =>
        Reseal(zip, signer, changes, changeManifest, DateTimeOffset.UtcNow);

    /// <param name="signingTime">The signing time the signatures claim (a back-dated one, for the expired-certificate forgery).</param>
    public static byte[] Reseal(byte[] zip, SigningIdentity signer, IReadOnlyDictionary<string, byte[]> changes, Func<byte[], byte[]>? changeManifest, DateTimeOffset signingTime)
    {
        var files = Entries(zip);
        foreach (var (path, content) in changes)
        {
            files[path] = content;
            if (path.EndsWith("/result.json", StringComparison.Ordinal))
            {
                files[path[..^".json".Length] + ".p7s"] = CmsDetachedSignature.Sign(content, signer, CmsProfile.Cades, signingTime);
            }
        }

        var manifest = CanonicalJson.Deserialize<ArchiveManifest>(files[ArchiveManifest.FileName]);
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        manifest = manifest with
        {
            Files = [.. manifest.Files.Select(f => files.TryGetValue(f.Path, out var c) ? f with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(c)), Size = c.Length } : f)
                .Concat(changes.Keys.Where(p => !listed.Contains(p)).Select(p => new ArchiveFile(p, Convert.ToHexStringLower(SHA256.HashData(files[p])), files[p].Length)))
                .OrderBy(f => f.Path, StringComparer.Ordinal)],
        };
        var manifestJson = CanonicalJson.Serialize(manifest);
        if (changeManifest is not null)
        {
            manifestJson = changeManifest(manifestJson);
        }

        files[ArchiveManifest.FileName] = manifestJson;
        files[ArchiveManifest.SignatureFileName] = CmsDetachedSignature.Sign(manifestJson, signer, CmsProfile.Cades, signingTime);
        return Write(files);
    }

    public static SortedDictionary<string, byte[]> Entries(byte[] zip)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[entry.FullName] = buffer.ToArray();
        }

        return files;
    }

    public static byte[] Write(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }
}
