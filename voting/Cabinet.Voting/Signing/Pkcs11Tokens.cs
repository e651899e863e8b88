using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Logged-in sessions on PKCS#11 tokens, shared by the seal (<see cref="Pkcs11Signer"/>) and the key-encryption key.
/// A module is initialised once per process (C_Initialize/C_Finalize are process-wide), so sessions on the same module
/// share one loaded library, finalised when the last of them is closed.
/// </summary>
public static class Pkcs11Tokens
{
    private static readonly Lock _lock = new();
    private static readonly Dictionary<string, (IPkcs11Library Library, int Users)> _libraries = new(StringComparer.Ordinal);
    private static bool _resolverSet;

    /// <summary>
    /// Pkcs11Interop 5.3 asks for "libdl", which glibc 2.34+ systems ship only as libdl.so.2 (the unversioned name
    /// comes with development packages): resolve it to the versioned one. Safe to call any number of times.
    /// </summary>
    public static void PrepareNativeLoading()
    {
        lock (_lock)
        {
            if (_resolverSet)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, assembly, path) =>
                name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);
            _resolverSet = true;
        }
    }

    /// <summary>A user session on the token labelled <paramref name="tokenLabel"/>; give it back with <see cref="Close"/>.</summary>
    public static (IPkcs11Library Library, ISession Session) Open(string library, string tokenLabel, string pin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(library);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenLabel);
        ArgumentNullException.ThrowIfNull(pin);
        var loaded = Acquire(new Pkcs11InteropFactories(), library);
        ISession? session = null;
        try
        {
            var slot = loaded.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == tokenLabel)
                ?? throw new CryptographicException($"No PKCS#11 token labelled '{tokenLabel}' is present.");
            session = slot.OpenSession(SessionType.ReadOnly);
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // login is per token and application: another session on this token already logged in
            }

            return (loaded, session);
        }
        catch
        {
            session?.Dispose();
            Release(loaded);
            throw;
        }
    }

    public static void Close(IPkcs11Library library, ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Dispose();
        Release(library);
    }

    private static IPkcs11Library Acquire(Pkcs11InteropFactories factories, string path)
    {
        PrepareNativeLoading();
        lock (_lock)
        {
            if (!_libraries.TryGetValue(path, out var entry))
            {
                entry = (factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, path, AppType.MultiThreaded), 0);
            }

            _libraries[path] = (entry.Library, entry.Users + 1);
            return entry.Library;
        }
    }

    private static void Release(IPkcs11Library library)
    {
        lock (_lock)
        {
            var (path, entry) = _libraries.First(l => ReferenceEquals(l.Value.Library, library));
            if (entry.Users > 1)
            {
                _libraries[path] = (library, entry.Users - 1);
                return;
            }

            _libraries.Remove(path);
            library.Dispose();
        }
    }
}
