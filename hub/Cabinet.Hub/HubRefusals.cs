using System.Collections.Concurrent;
using System.Reflection;
using Cabinet.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Hub;

/// <summary>
/// A refusal in a hub method's own result type (<see cref="CommandResult"/> or <see cref="Result{T}"/>), for filters
/// that answer instead of the method; a method without such a result gets a <see cref="HubException"/> with the code.
/// </summary>
public static class HubRefusals
{
    private static readonly ConcurrentDictionary<(MethodInfo, string), Func<object?>?> Known = new();

    public static object? For(MethodInfo method, CabinetError error) =>
        Known.GetOrAdd((method, error.Code), key => Make(key.Item1, error)) is { } refusal
            ? refusal()
            : throw new HubException($"{error.Code}: {error.Message}");

    /// <summary>The error a hub method's result carries, if it is a refusal.</summary>
    public static CabinetError? ErrorOf(object? result) => result switch
    {
        CommandResult command => command.Error,
        null => null,
        _ when result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Result<>) =>
            type.GetProperty(nameof(Result<object>.Error))!.GetValue(result) as CabinetError,
        _ => null,
    };

    private static Func<object?>? Make(MethodInfo method, CabinetError error)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(void))
        {
            return static () => null;
        }

        var value = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;
        if (value == typeof(CommandResult))
        {
            var refused = CommandResult.Refused(error);
            return () => refused;
        }

        if (value.IsGenericType && value.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var refused = value.GetMethod(nameof(Result<object>.Refused))!.Invoke(null, [error]);
            return () => refused;
        }

        return null;
    }
}
