using System.Security.Cryptography.X509Certificates;
using Cabinet.Hosting;
using Cabinet.Storage;
using Cabinet.Voting.Signing;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Cabinet.Web.Identity;

public static class DataProtectionSetup
{
    /// <summary>
    /// Sign-in cookies and bearer tokens are protected with keys that every host must share and that must outlive a
    /// restart: in the data folder (embedded) or in Redis (cluster). Otherwise a restart or another host signs everyone out.
    /// The keys are encrypted at rest with the configured RSA certificate (required outside Development, see
    /// <see cref="ProductionReadiness"/>), else sealed like every record (<see cref="SealedKeyRingEncryptor"/>), so
    /// neither the data folder nor Redis holds them in the clear.
    /// </summary>
    public static IServiceCollection AddCabinetDataProtection(this IServiceCollection services, CabinetSiloOptions silo, CabinetOptions cabinet)
    {
        var protection = services.AddDataProtection().SetApplicationName("cabinet");
        if (silo.UsesRedis)
        {
            var redis = ConnectionMultiplexer.Connect(silo.RedisConnectionString!);
            protection.PersistKeysToStackExchangeRedis(redis, "cabinet:data-protection-keys");
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(PrivateFiles.Folder(Path.Combine(silo.DataPath, "keys"))));
        }

        if (KeyRingCertificate(cabinet) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (silo.Cipher is { Encrypts: true } cipher)
        {
            services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlEncryptor = new SealedKeyRingEncryptor(cipher));
        }

        return services;
    }

    /// <summary>The dedicated key-ring certificate, else the signing certificate when it is RSA; none in a development set-up without either.</summary>
    private static X509Certificate2? KeyRingCertificate(CabinetOptions cabinet)
    {
        if (!string.IsNullOrWhiteSpace(cabinet.DataProtectionCertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(cabinet.DataProtectionCertificatePath,
                SecretSetting.Read(cabinet.DataProtectionCertificatePassword, cabinet.DataProtectionCertificatePasswordFile));
        }

        if (string.IsNullOrWhiteSpace(cabinet.SigningCertificatePath))
        {
            return null;
        }

        // The signer SigningIdentity picks (the end-entity certificate with its key); it lives as long as the key ring.
        var signer = SigningIdentity.FromPkcs12File(cabinet.SigningCertificatePath,
            SecretSetting.Read(cabinet.SigningCertificatePassword, cabinet.SigningCertificatePasswordFile)).Certificate;
        return signer.GetRSAPublicKey() is null ? null : signer;
    }
}
