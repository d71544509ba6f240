using System.Net.Http.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;

namespace Fairshare.Server.Tests.Support;

/// <summary>Raw HTTP helpers for what the SDK never sends (bad bodies, wrong methods).</summary>
public static class Raw
{
    public static async Task<ApiError> ErrorOf(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(FairshareClient.Json);
        Assert.NotNull(error);
        Assert.Equal(status, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
