using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// Reads a string, or the first string of an array. The reference documents the terminate status as
/// <c>"status":[FAILED | COMPLETED]</c>, which senders render either way.
/// </summary>
public sealed class StringOrFirstOfArrayConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                string? first = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        first ??= reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return first;
            default:
                throw new JsonException($"Expected a string or an array of strings, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
