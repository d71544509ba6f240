using System.Reflection;
using Fairshare.Client.Dto;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fairshare.Server.OpenApi;

/// <summary>
/// Types each property marked <see cref="DecimalIntegerAttribute"/> (amounts in base units, 1e18 mantissas: u256 values
/// written as decimal digits) as a string with the attribute's pattern, length and description, so a client knows the
/// text is a whole number, not any string; on a dictionary (balances by symbol) the values get it.
/// </summary>
internal sealed class DecimalIntegerSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <inheritdoc/>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var marked = context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
            ? provider.GetCustomAttributes(typeof(DecimalIntegerAttribute), inherit: true).OfType<DecimalIntegerAttribute>().FirstOrDefault()
            : null;
        if (marked is null) return Task.CompletedTask;
        if (schema.AdditionalProperties is OpenApiSchema values)
        {
            Apply(values, marked);
            schema.Description ??= "By asset symbol: " + marked.Description;
        }
        else
        {
            Apply(schema, marked);
        }

        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema schema, DecimalIntegerAttribute marked)
    {
        schema.Type = JsonSchemaType.String | (schema.Type & JsonSchemaType.Null);
        schema.Format = null;
        schema.Pattern = DecimalIntegerAttribute.Pattern;
        schema.MinLength = 1;
        schema.MaxLength = DecimalIntegerAttribute.MaxDigits;
        schema.Description = marked.Description;
    }
}
