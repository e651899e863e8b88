using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Cabinet.Testing;

/// <summary>
/// A SoftHSM2 token in a folder of its own (SOFTHSM2_CONF points there for this process and its children): keys are
/// imported with softhsm2-util, certificates written as PKCS#11 objects, as an operator provisions a real HSM.
/// </summary>
public sealed class SoftHsmToken
{
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";
    private const string SecurityOfficerPin = "so-5678";

    private SoftHsmToken(string folder, string label, string pin) => (Folder, Label, Pin) = (folder, label, pin);

    public string Folder { get; }

    public string Label { get; }

    public string Pin { get; }

    /// <summary>The configuration file to pass as SOFTHSM2_CONF to a process that should see this token.</summary>
    public string ConfigPath => Path.Combine(Folder, "softhsm2.conf");

    public static SoftHsmToken Create(string label = "cabinet-seal", string pin = "1234")
    {
        var folder = RepositoryPaths.NewTempFolder("softhsm");
        Directory.CreateDirectory(Path.Combine(folder, "tokens"));
        File.WriteAllText(Path.Combine(folder, "softhsm2.conf"),
            $"directories.tokendir = {Path.Combine(folder, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        var token = new SoftHsmToken(folder, label, pin);
        // The native library reads the process environment, which .NET's own copy does not reach on Unix.
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", token.ConfigPath);
        if (SetEnvironment("SOFTHSM2_CONF", token.ConfigPath, 1) != 0)
        {
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed");
        }

        token.Util("--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", SecurityOfficerPin);
        return token;
    }

    /// <summary>Puts <paramref name="key"/> (then forgotten here) and its certificate in the token under <paramref name="keyLabel"/>.</summary>
    public void Import(string keyLabel, AsymmetricAlgorithm key, X509Certificate2 certificate, string id)
    {
        var pem = Path.Combine(Folder, $"{keyLabel}.pem");
        File.WriteAllText(pem, key.ExportPkcs8PrivateKeyPem());
        try
        {
            Util("--import", pem, "--token", Label, "--label", keyLabel, "--id", id, "--pin", Pin);
        }
        finally
        {
            File.Delete(pem);
        }

        AddCertificate(keyLabel, certificate, id);
    }

    /// <summary>Writes a certificate object (CKO_CERTIFICATE, X.509) into the token.</summary>
    public void AddCertificate(string label, X509Certificate2 certificate, string id) => AsUser((session, factories) =>
    {
        var a = factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), a.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            a.Create(CKA.CKA_TOKEN, true), a.Create(CKA.CKA_LABEL, label), a.Create(CKA.CKA_ID, Convert.FromHexString(id)),
            a.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData), a.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    });

    /// <summary>Generates an AES-256 secret key in the token (it never leaves it) that encrypts and decrypts: a key-encryption key.</summary>
    public void GenerateAesKey(string keyLabel) => AsUser((session, factories) =>
    {
        var a = factories.ObjectAttributeFactory;
        session.GenerateKey(factories.MechanismFactory.Create(CKM.CKM_AES_KEY_GEN),
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY), a.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES), a.Create(CKA.CKA_VALUE_LEN, 32UL),
            a.Create(CKA.CKA_TOKEN, true), a.Create(CKA.CKA_PRIVATE, true), a.Create(CKA.CKA_SENSITIVE, true), a.Create(CKA.CKA_EXTRACTABLE, false),
            a.Create(CKA.CKA_ENCRYPT, true), a.Create(CKA.CKA_DECRYPT, true), a.Create(CKA.CKA_LABEL, keyLabel),
        ]);
    });

    /// <summary>A read-write session logged in as the token's user, for one provisioning step.</summary>
    private void AsUser(Action<ISession, Pkcs11InteropFactories> provision)
    {
        Cabinet.Voting.Signing.Pkcs11Tokens.PrepareNativeLoading();
        var factories = new Pkcs11InteropFactories();
        using var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, Library, AppType.SingleThreaded);
        var slot = library.GetSlotList(SlotsType.WithTokenPresent).First(s => s.GetTokenInfo().Label.Trim() == Label);
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, Pin);
        provision(session, factories);
        session.Logout();
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    private void Util(params string[] arguments)
    {
        var result = Tool.Run("softhsm2-util", arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"softhsm2-util {arguments[0]} failed: {result.Output}");
        }
    }
}
