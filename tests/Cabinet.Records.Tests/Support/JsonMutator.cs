using System.Text;
using System.Text.Json.Nodes;

namespace Cabinet.Records.Tests.Support;

/// <summary>Mutations of a JSON document a hostile archive might carry: wrong types, missing or duplicate keys, deep nesting.</summary>
public static class JsonMutator
{
    private const string Placeholder = "@@FUZZ@@";
    private const string DuplicateKey = "@@DUPKEY@@";
    private static readonly string[] OtherValues = ["\"s\"", "7", "-1", "1e400", "{}", "[]", "null", "true", "\"\"", "18446744073709551616"];

    /// <returns>What was done, and the new text; null when the text is not JSON to begin with.</returns>
    public static (string What, string Text)? Mutate(Random random, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var objects = new List<JsonObject>();
        Collect(root, objects);
        if (objects.Count == 0 || objects[random.Next(objects.Count)] is not { Count: > 0 } target)
        {
            return null;
        }

        var (key, value) = target.ElementAt(random.Next(target.Count));
        string what;
        string? raw = null;
        switch (random.Next(5))
        {
            case 0:
                target.Remove(key);
                what = $"removed \"{key}\"";
                break;
            case 1:
                raw = OtherValues[random.Next(OtherValues.Length)];
                target[key] = Placeholder;
                what = $"\"{key}\" became {raw}";
                break;
            case 2:
                target[DuplicateKey] = value?.DeepClone();
                what = $"\"{key}\" twice";
                break;
            case 3:
                var depth = random.Next(65, 20_000);
                raw = new string('[', depth) + new string(']', depth);
                target[key] = Placeholder;
                what = $"\"{key}\" nested {depth} deep";
                break;
            default:
                var objectDepth = random.Next(65, 5_000);
                raw = string.Concat(Enumerable.Repeat("{\"a\":", objectDepth)) + "1" + new string('}', objectDepth);
                target[key] = Placeholder;
                what = $"\"{key}\" objects nested {objectDepth} deep";
                break;
        }

        var text = root!.ToJsonString().Replace($"\"{DuplicateKey}\"", $"\"{key}\"", StringComparison.Ordinal);
        return (what, raw is null ? text : text.Replace($"\"{Placeholder}\"", raw, StringComparison.Ordinal));
    }

    /// <summary>Mutates one line of a JSON-lines file.</summary>
    public static (string What, string Text)? MutateLine(Random random, string lines)
    {
        var split = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (split.Length == 0)
        {
            return null;
        }

        var index = random.Next(split.Length);
        if (Mutate(random, split[index]) is not { } mutated)
        {
            return null;
        }

        split[index] = mutated.Text;
        return ($"line {index + 1}: {mutated.What}", string.Concat(split.Select(l => l + "\n")));
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject o:
                objects.Add(o);
                foreach (var (_, child) in o.ToList())
                {
                    Collect(child, objects);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, objects);
                }

                break;
        }
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
