using System.Reflection;
using System.Text.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>
/// The OpenAPI document says what the node does: numbers are numbers (the server reads no number from a string, so no
/// schema is "integer or string"), every u256 the DTOs write as text is a string of digits with a pattern, and every
/// error answer is problem details.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private JsonDocument _document = null!;

    private JsonElement Root => _document.RootElement;

    private JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        using var http = new HttpClient { BaseAddress = _node.Url };
        _document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));
    }

    public async Task DisposeAsync()
    {
        _document.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public void NoSchema_TypesANumberAsAString()
    {
        var mixed = new List<string>();
        int numbers = 0;
        Walk(Root, "#", (path, node) =>
        {
            // A schema's type is a name or a list of names; an object under "type" is a property named type (ApiError's).
            if (!node.TryGetProperty("type", out var type) || type.ValueKind is not (JsonValueKind.String or JsonValueKind.Array)) return;
            var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
            if (names.Contains("integer") || names.Contains("number")) numbers++;
            if (names.Contains("string") && (names.Contains("integer") || names.Contains("number"))) mixed.Add(path);
        });

        Assert.True(mixed.Count == 0, "typed as a number or a string: " + string.Join(", ", mixed));
        Assert.True(numbers >= 50, $"only {numbers} numeric schemas: the walk missed the document");
        Assert.DoesNotContain("^-?(?:0|[1-9]\\\\d*)$", Root.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("integer", Schemas.GetProperty("AccountDto").GetProperty("properties").GetProperty("nonce").GetProperty("type").GetString());
    }

    [Fact]
    public void EveryDecimalIntegerProperty_IsAStringOfDigits_WithThePattern()
    {
        var marked = typeof(ApiError).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p, Attribute: p.GetCustomAttribute<DecimalIntegerAttribute>())))
            .Where(m => m.Attribute is not null)
            .ToList();

        foreach (var (type, property, attribute) in marked)
        {
            Assert.True(Schemas.TryGetProperty(type.Name, out var owner), $"{type.Name} is not in the document");
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var schema = owner.GetProperty("properties").GetProperty(name);
            if (schema.TryGetProperty("additionalProperties", out var values)) schema = values;
            var where = $"{type.Name}.{name}";
            var types = schema.GetProperty("type");
            Assert.True(types.ValueKind == JsonValueKind.String
                ? types.GetString() == "string"
                : types.EnumerateArray().Select(t => t.GetString()).Order().SequenceEqual(["null", "string"]), $"{where}: {types}");
            Assert.Equal(DecimalIntegerAttribute.Pattern, schema.GetProperty("pattern").GetString());
            Assert.Equal("^(0|[1-9][0-9]{0,77})$", schema.GetProperty("pattern").GetString());
            Assert.Equal(78, schema.GetProperty("maxLength").GetInt32());
            Assert.Equal(attribute!.Description, schema.GetProperty("description").GetString());
            Assert.False(schema.TryGetProperty("format", out _), where);
        }

        // The amounts of every DTO family: balances, events and flows, jobs, pools, lending, governance, staking, analytics.
        Assert.True(marked.Count >= 40, $"{marked.Count} marked properties");
        foreach (var (schema, property) in new[]
        {
            ("AccountDto", "balances"), ("EventDto", "amount"), ("FlowDto", "amount"), ("JobDto", "locked"), ("JobPayoutDto", "amount"),
            ("JobSlotDto", "price"), ("PoolDto", "reserve0"), ("PoolDto", "spotPrice0"), ("LendingMarketDto", "cash"), ("ProposalDto", "quorum"),
            ("ProviderDto", "bondedTokens"), ("StakePoolDto", "tokens"), ("ConcentrationDto", "total"), ("GiniPointDto", "total"),
        })
        {
            Assert.Contains(marked, m => m.Type.Name == schema && JsonNamingPolicy.CamelCase.ConvertName(m.Property.Name) == property);
        }
    }

    [Fact]
    public void EveryErrorAnswer_IsProblemDetails_AndEveryOperationButHealthHasA4xx()
    {
        int operations = 0;
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                var statuses = responses.EnumerateObject().Select(r => r.Name).ToList();
                foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                {
                    var content = response.Value.GetProperty("content").EnumerateObject().ToList();
                    var media = Assert.Single(content);
                    Assert.Equal("application/problem+json", media.Name);
                    Assert.Equal("#/components/schemas/ApiError", media.Value.GetProperty("schema").GetProperty("$ref").GetString());
                }

                Assert.True(statuses.Contains("500"), $"{where} does not declare 500 internal");
                if (path.Name == "/health") continue;
                Assert.True(statuses.Contains("429"), $"{where} does not declare 429 rate_limited");
                Assert.True(statuses.Any(s => s[0] == '4'), $"{where} declares no 4xx");
            }
        }

        Assert.True(operations >= 25, $"{operations} operations");
        Assert.False(Root.GetProperty("paths").GetProperty("/health").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public void ApiError_HasTheRfc9457Members_AndTheCode()
    {
        var error = Schemas.GetProperty("ApiError");
        var properties = error.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        var required = error.GetProperty("required").EnumerateArray().Select(p => p.GetString()).ToList();

        Assert.Equal(["type", "title", "status", "detail", "code", "instance"], properties);
        Assert.Equal(["type", "title", "status", "detail", "code"], required);
        Assert.Equal("integer", error.GetProperty("properties").GetProperty("status").GetProperty("type").GetString());
        Assert.True(Schemas.TryGetProperty("ApiErrorType", out _));
    }

    [Fact]
    public void Document_SaysItNeedsNoAuthentication_AndNamesServersWithoutATrailingSlash()
    {
        var security = Assert.Single(Root.GetProperty("security").EnumerateArray().ToList());
        Assert.Empty(security.EnumerateObject());
        foreach (var server in Root.GetProperty("servers").EnumerateArray())
            Assert.False(server.GetProperty("url").GetString()!.EndsWith('/'), server.ToString());
        Assert.All(Root.GetProperty("tags").EnumerateArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString())));
        Assert.Contains("problem details", Root.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Calls <paramref name="visit"/> on every object in <paramref name="node"/>, itself included, depth first.</summary>
    private static void Walk(JsonElement node, string path, Action<string, JsonElement> visit)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                visit(path, node);
                foreach (var member in node.EnumerateObject()) Walk(member.Value, path + "/" + member.Name, visit);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in node.EnumerateArray()) Walk(item, path + "/" + i++, visit);
                break;
        }
    }
}
