using System.Text.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;

namespace Fairshare.Server.Tests.Support;

/// <summary>Raw HTTP helpers for what the SDK never sends (bad bodies, wrong methods).</summary>
public static class Raw
{
    /// <summary>
    /// The error of <paramref name="response"/>, checked to be RFC 9457 problem details: <c>application/problem+json</c>
    /// with a type, title, status (the answer's), detail and instance (the path asked), and the stable code; the type is
    /// the code's <c>/errors/{code}</c> and the title its catalog title.
    /// </summary>
    public static async Task<ApiError> ErrorOf(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        foreach (var member in new[] { "type", "title", "detail", "instance", "code" })
        {
            Assert.True(root.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String, $"no string '{member}' in {text}");
            Assert.False(string.IsNullOrWhiteSpace(value.GetString()), $"'{member}' is empty in {text}");
        }

        Assert.Equal(JsonValueKind.Number, root.GetProperty("status").ValueKind);
        var error = JsonSerializer.Deserialize<ApiError>(text, FairshareClient.Json);
        Assert.NotNull(error);
        Assert.Equal(status, error.Status);
        var known = ApiErrorTypes.Find(error.Code);
        Assert.True(known is not null, $"'{error.Code}' is not in the catalog (ApiErrorTypes)");
        Assert.Equal(("/errors/" + error.Code, known.Title), (error.Type, error.Title));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, error.Instance);
        return error;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
