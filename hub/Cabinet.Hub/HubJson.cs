using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cabinet.Hub;

/// <summary>The hub's JSON: camelCase, enums as camelCase strings, a refusal's missing list as null. Servers and .NET clients configure it the same way.</summary>
public static class HubJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new DefaultImmutableArrayConverter());
    }
}
