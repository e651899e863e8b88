using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cabinet;

public static class CabinetSerialization
{
    /// <summary>
    /// The pure domain (Cabinet.Voting) carries no Orleans attributes; its records cross grain calls as JSON.
    /// </summary>
    public static ISerializerBuilder AddCabinetDomainTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("Cabinet.Voting", StringComparison.Ordinal) == true);
}
