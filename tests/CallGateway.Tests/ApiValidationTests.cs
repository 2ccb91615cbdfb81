using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallGateway.Tests.Support;

namespace CallGateway.Tests;

/// <summary>Client mistakes get a 400 problem+json that says what is wrong, never a 500.</summary>
public sealed class ApiValidationTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("{\"to\":\"\"}", "To")]
    [InlineData("{\"to\":\"12ab\"}", "To")]
    [InlineData("{\"to\":\"0123456789\"}", "To")]
    [InlineData("{\"to\":\"1234567890123456\"}", "To")]
    [InlineData("{}", "To")]
    [InlineData("{\"to\":\"14085551234\",\"bizOpaqueCallbackData\":\"line\\nbreak\"}", "BizOpaqueCallbackData")]
    public async Task PlaceCall_InvalidInput_Is400WithTheField(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _gateway.CreateClient().PostAsync(new Uri("/api/calls", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(_gateway.Graph.Requests);
    }

    [Fact]
    public async Task PlaceCall_CallbackDataOver512_Is400()
    {
        var response = await _gateway.CreateClient().PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085551234", bizOpaqueCallbackData = new string('x', 513) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    public async Task PlaceCall_UnreadableBody_Is400Not500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _gateway.CreateClient().PostAsync(new Uri("/api/calls", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ListCalls_BadFilter_Is400()
    {
        var response = await _gateway.CreateClient().GetAsync(new Uri("/api/calls?status=Sleeping", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
