using System.Text;
using System.Xml.Linq;
using Cabinet.Encryption;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Cabinet.Web.Identity;

/// <summary>
/// Where no key-ring certificate is configured (Development), the data-protection keys are sealed like every other
/// record, under the installation's data key, so the data folder or Redis never holds them in the clear.
/// </summary>
public sealed class SealedKeyRingEncryptor(RecordCipher cipher) : IXmlEncryptor
{
    internal static readonly RecordName Record = new("data-protection-key", "key-ring");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedKey = cipher.Seal(Record, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(new XElement("sealedKey", Convert.ToBase64String(sealedKey)), typeof(SealedKeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="SealedKeyRingEncryptor"/> sealed (data protection makes it with the service provider).</summary>
public sealed class SealedKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var cipher = services.GetRequiredService<RecordCipher>();
        return XElement.Parse(Encoding.UTF8.GetString(cipher.Open(SealedKeyRingEncryptor.Record, Convert.FromBase64String(encryptedElement.Value))));
    }
}
