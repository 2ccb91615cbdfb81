using System.Text.Json;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Settings;

/// <summary>Swagger shows the settings and permission endpoints, and says how field names map to Meta's.</summary>
public sealed class SwaggerDocumentationTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Swagger_DocumentsSettingsAndPermissions()
    {
        var text = await _gateway.CreateClient().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        using var doc = JsonDocument.Parse(text);
        var paths = doc.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/settings", "/api/settings/open-now", "/api/permissions/{waId}", "/api/permissions/{waId}/request" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Contains("snake_case at Meta", paths.GetProperty("/api/settings").GetProperty("put").GetProperty("description").GetString(), StringComparison.Ordinal);
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("CallHoursSettings").GetProperty("properties").TryGetProperty("timezoneId", out _));
        Assert.False(schemas.GetProperty("CallingSettings").GetProperty("properties").TryGetProperty("isEmpty", out _));
        Assert.True(schemas.GetProperty("PlaceCallRequest").GetProperty("properties").TryGetProperty("force", out _));
    }
}
