using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Hosting;
using Cabinet.Voting.Signing;

namespace Cabinet.Web.Hosting;

/// <summary>
/// Outside Development Cabinet signs only with the organisation's own certificate and keeps its sign-in keys
/// encrypted: what is missing or unusable is named here, one line each with how to provide it, and the host does not start.
/// </summary>
public static class ProductionReadiness
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(CabinetOptions.Section).Get<CabinetOptions>() ?? new CabinetOptions();
        var problems = new List<string>(SingleSignOnProblems(configuration, environment));
        var signingSettings = configuration.GetSection(SigningSettings.Section).Get<SigningSettings>() ?? new SigningSettings();
        problems.AddRange(EncryptionProblems(configuration, environment));
        problems.AddRange(PasswordHashProblems(configuration, environment));
        var signing = options.SigningCertificatePath;
        if (string.IsNullOrWhiteSpace(signing) && signingSettings.Pkcs11 is { IsConfigured: true })
        {
            // The token's chain is checked against the issuing CA when the host opens it (OrganizationSigners).
            problems.AddRange(IssuingCaProblems(signingSettings, null, environment));
            if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.DataProtectionCertificatePath))
            {
                problems.Add("Cabinet:DataProtectionCertificatePath is not set and the seal's key is in a PKCS#11 token: the keys that protect "
                    + "sign-in cookies must be encrypted at rest with an RSA certificate whose key Cabinet holds. Set "
                    + "Cabinet__DataProtectionCertificatePath (PKCS#12) and its password (Cabinet__DataProtectionCertificatePasswordFile).");
            }

            return problems;
        }

        if (string.IsNullOrWhiteSpace(signing))
        {
            if (!environment.IsDevelopment())
            {
                problems.Add("Cabinet:SigningCertificatePath is not set: outside Development Cabinet signs results, minutes and archives only with "
                    + "the organisation's certificate. Set Cabinet__SigningCertificatePath to its PKCS#12 (.p12) file and "
                    + "Cabinet__SigningCertificatePasswordFile to a file holding its password (or Cabinet__SigningCertificatePassword).");
            }

            return problems;
        }

        using var certificate = Check(problems, "Cabinet:SigningCertificatePath", signing,
            () => SecretSetting.Read(options.SigningCertificatePassword, options.SigningCertificatePasswordFile));
        if (certificate is null || environment.IsDevelopment())
        {
            return problems;
        }

        problems.AddRange(IssuingCaProblems(signingSettings, SealAnchor(signing, options), environment));

        if (string.IsNullOrWhiteSpace(options.DataProtectionCertificatePath) && certificate.GetRSAPublicKey() is null)
        {
            problems.Add("Cabinet:DataProtectionCertificatePath is not set and the signing certificate is not RSA: the keys that protect sign-in "
                + "cookies must be encrypted at rest with an RSA certificate. Set Cabinet__DataProtectionCertificatePath (PKCS#12) and its "
                + "password (Cabinet__DataProtectionCertificatePasswordFile).");
        }
        else if (!string.IsNullOrWhiteSpace(options.DataProtectionCertificatePath))
        {
            using var keyRing = Check(problems, "Cabinet:DataProtectionCertificatePath", options.DataProtectionCertificatePath,
                () => SecretSetting.Read(options.DataProtectionCertificatePassword, options.DataProtectionCertificatePasswordFile));
            if (keyRing is not null && keyRing.GetRSAPublicKey() is null)
            {
                problems.Add("Cabinet:DataProtectionCertificatePath must name an RSA certificate (the key ring is encrypted with RSA-OAEP).");
            }
        }

        return problems;
    }

    /// <summary>
    /// Outside Development people's device keys are certified only by the organisation's own issuing CA, which must
    /// chain to the seal's anchor (<paramref name="anchor"/>, when known here): without it nobody can sign the minutes.
    /// </summary>
    private static IEnumerable<string> IssuingCaProblems(SigningSettings settings, X509Certificate2? anchor, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(settings.IssuingCaPath))
        {
            yield return "Cabinet:Signing:IssuingCaPath is not set: the secretary and the chair sign the minutes with their own device keys, which "
                + "the organisation's issuing CA certifies (a subordinate CA under the root verifiers trust). Set Cabinet__Signing__IssuingCaPath "
                + "to its PKCS#12 file (the CA certificate with its key) and Cabinet__Signing__IssuingCaPasswordFile to a file holding its password.";
            yield break;
        }

        string? problem = null;
        try
        {
            using var authority = CertificateAuthority.FromPkcs12File(settings.IssuingCaPath,
                SecretSetting.Read(settings.IssuingCaPassword, settings.IssuingCaPasswordFile), revocationFolder: null);
            if (anchor is not null && !authority.ChainsTo(anchor, out var why))
            {
                problem = $"Cabinet:Signing:IssuingCaPath ({settings.IssuingCaPath}) does not chain to the trust anchor of the organisation's "
                    + $"certificate ({anchor.Subject}): {why}. Use the issuing CA your root issued, with the certificates between them in the file.";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = $"Cabinet:Signing:IssuingCaPath ({settings.IssuingCaPath}) cannot be used: {ex.Message} Check the file, its permissions and its password setting.";
        }
        finally
        {
            anchor?.Dispose();
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }

    /// <summary>The top of the seal certificate's chain (what verifiers trust), or null when it cannot be read.</summary>
    private static X509Certificate2? SealAnchor(string path, CabinetOptions options)
    {
        try
        {
            using var identity = SigningIdentity.FromPkcs12File(path, SecretSetting.Read(options.SigningCertificatePassword, options.SigningCertificatePasswordFile));
            return X509CertificateLoader.LoadCertificate(SigningIdentity.TopOf(identity.Certificate, identity.Chain).RawData);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static IEnumerable<string> SingleSignOnProblems(IConfiguration configuration, IHostEnvironment environment)
    {
        var sso = configuration.GetSection(Identity.SingleSignOnOptions.Section).Get<Identity.SingleSignOnOptions>();
        if (sso is not { Enabled: true })
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(sso.ClientId))
        {
            yield return "Cabinet:Oidc:ClientId is not set: single sign-on needs the client id the OpenID provider registered for Cabinet.";
        }

        if (!sso.IsHttps && !environment.IsDevelopment() && !sso.AllowHttpAuthority)
        {
            yield return $"Cabinet:Oidc:Authority ({sso.Authority}) is not an https:// address: ID tokens and the client secret must travel "
                + "only over TLS. Set the provider's https:// issuer address.";
        }
    }

    /// <summary>Outside Development a password hash costs at least what ASP.NET Core Identity's own does.</summary>
    private static IEnumerable<string> PasswordHashProblems(IConfiguration configuration, IHostEnvironment environment)
    {
        var passwords = configuration.GetSection(Cabinet.People.PasswordHashSettings.Section).Get<Cabinet.People.PasswordHashSettings>() ?? new();
        if (!environment.IsDevelopment() && passwords.Iterations < Cabinet.People.PasswordHashSettings.ProductionMinimumIterations)
        {
            yield return $"Cabinet:Passwords:Iterations is {passwords.Iterations}: outside Development a password hash takes at least "
                + $"{Cabinet.People.PasswordHashSettings.ProductionMinimumIterations:N0} PBKDF2 iterations. Remove the setting or raise it.";
        }
    }

    /// <summary>Outside Development everything at rest is encrypted under a key-encryption key the operator provides.</summary>
    private static IEnumerable<string> EncryptionProblems(IConfiguration configuration, IHostEnvironment environment)
    {
        var encryption = configuration.GetSection(EncryptionSettings.Section).Get<EncryptionSettings>() ?? new();
        if (environment.IsDevelopment())
        {
            yield break;
        }

        if (!encryption.Enabled)
        {
            yield return "Cabinet:Encryption:Enabled is false: outside Development everything Cabinet stores is encrypted. Remove the setting.";
        }
        else if (!encryption.IsConfigured)
        {
            yield return "No key-encryption key is configured: everything Cabinet stores is encrypted under data keys wrapped by it. Set "
                + "Cabinet__Encryption__KeyFile to a file of 32 random bytes kept apart from the data and its backups (e.g. "
                + "head -c 32 /dev/urandom > /etc/cabinet/kek; chmod 600 /etc/cabinet/kek), or Cabinet__Encryption__Pkcs11__Library, "
                + "__TokenLabel, __PinFile and __KeyLabel to an AES key in a token.";
        }
    }

    private static X509Certificate2? Check(List<string> problems, string setting, string path, Func<string?> password)
    {
        SigningIdentity identity;
        try
        {
            identity = SigningIdentity.FromPkcs12File(path, password());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problems.Add($"{setting} ({path}) cannot be used: {ex.Message} Check the file, its permissions and its password setting.");
            return null;
        }

        // The caller decides further from the public part only.
        var certificate = X509CertificateLoader.LoadCertificate(identity.Certificate.RawData);
        var strong = identity.Certificate.GetRSAPublicKey() is { KeySize: >= 2048 } || identity.Certificate.GetECDsaPublicKey() is { KeySize: >= 256 };
        var now = DateTime.Now;
        if (!strong)
        {
            problems.Add($"{setting} ({path}): the key must be RSA of at least 2048 bits or ECDSA of at least 256 bits.");
        }
        else if (now < identity.Certificate.NotBefore || now > identity.Certificate.NotAfter)
        {
            problems.Add($"{setting} ({path}): the certificate is valid only from {identity.Certificate.NotBefore:u} to {identity.Certificate.NotAfter:u}.");
        }

        identity.Dispose();
        return certificate;
    }
}
