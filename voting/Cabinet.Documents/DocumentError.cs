namespace Cabinet.Documents;

/// <summary>A refused file or annotation: a stable dotted <see cref="Code"/> and a Vietnamese message for people.</summary>
public sealed record DocumentError(string Code, string Message);
