namespace Cabinet.Documents;

/// <summary>What a person did with a document version: read it in the viewer, or took a copy (a file, or a print).</summary>
public enum DocumentAccessKind
{
    Opened = 0,
    Downloaded = 1,
    Printed = 2,
}
