using PaperListing.Tests.Infrastructure;

namespace PaperListing.Tests.Configuration;

/// <summary>A bad value of any setting in the registry stops the site at startup with a message naming the setting.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("LogFormat", "xml", "LogFormat must be text or json")]
    [InlineData("Serilog:MinimumLevel:Default", "Loud", "Serilog:MinimumLevel:Default must be")]
    [InlineData("ShutdownTimeoutSeconds", "-1", "ShutdownTimeoutSeconds must be between 0 and 3600")]
    [InlineData("Kestrel:Limits:MaxRequestBodySize", "-1", "Kestrel:Limits:MaxRequestBodySize must be")]
    [InlineData("Kestrel:Limits:MaxRequestLineSize", "0", "Kestrel:Limits:MaxRequestLineSize must be a positive number")]
    [InlineData("Kestrel:Limits:RequestHeadersTimeout", "00:00:00", "Kestrel:Limits:RequestHeadersTimeout must be")]
    [InlineData("Seeds:MaxFileBytes", "0", "Seeds:MaxFileBytes must be a positive number")]
    [InlineData("Database:BusyTimeoutSeconds", "0", "Database:BusyTimeoutSeconds must be between 1 and 300")]
    [InlineData("Caching:OutputCacheMegabytes", "0", "Caching:OutputCacheMegabytes must be between 1 and 4096")]
    [InlineData("Resilience:QueueSeconds", "0", "Resilience:QueueSeconds must be between 1 and 60")]
    [InlineData("RequestLimits:MaxHeaderCount", "7", "RequestLimits:MaxHeaderCount must be between 8 and 100")]
    [InlineData("Metrics:Port", "70000", "Metrics:Port must be a port number")]
    public void BadSetting_StopsTheSiteAtStartupNamingIt(string key, string value, string message)
    {
        var error = SiteFactory.StartupError(() => new SiteFactory().WithSetting(key, value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("JSON")]
    [InlineData("")]
    public async Task KnownLogFormat_Starts(string format)
    {
        using var site = new SiteFactory().WithSetting("LogFormat", format);
        using var client = site.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/livez")).StatusCode);
    }
}
