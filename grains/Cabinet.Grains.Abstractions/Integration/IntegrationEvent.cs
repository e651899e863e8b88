using System.Text.Json;

namespace Cabinet.Integration;

/// <summary>
/// Something other systems hear about (a webhook's payload): <see cref="Id"/> is stable (the meeting and its version),
/// so adding the same event twice delivers it once. <see cref="DataJson"/> is the payload's <c>data</c> object, small
/// and bounded (identifiers, a title, counts; an approved conclusion's text at most).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.integration-event")]
public sealed record IntegrationEvent(string Id, string Type, string OrganizationId, DateTimeOffset At, string DataJson)
{
    // Vietnamese as it is (the body goes to a program, never into HTML).
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An event whose <c>data</c> is <paramref name="data"/> as JSON (camelCase, as every payload).</summary>
    public static IntegrationEvent Of(string id, string type, string organizationId, DateTimeOffset at, object data) =>
        new(id, type, organizationId, at, JsonSerializer.Serialize(data, DataOptions));
}
