namespace Cabinet.Hub.Limits;

/// <summary>
/// A hub method that reads and changes nothing: not counted against the person's command rate. Every other method is
/// a command and counted, so a method added later is limited unless someone decides it is a query.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueryAttribute : Attribute;
