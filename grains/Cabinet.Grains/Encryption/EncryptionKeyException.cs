namespace Cabinet.Encryption;

/// <summary>The key-encryption key is missing, unusable or not the one the data keys were wrapped with: Cabinet must not start.</summary>
public sealed class EncryptionKeyException(string message, Exception? inner = null) : Exception(message, inner);
