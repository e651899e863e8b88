namespace Cabinet.Records.Archive;

/// <summary>The archive is refused before anything in it is trusted: an entry path escapes or repeats.</summary>
internal sealed class UnsafeArchiveException(string message) : Exception(message);
