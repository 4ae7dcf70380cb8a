using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Data;

namespace PaperListing.Tests.Api;

/// <summary>When the site fails inside, the API still answers in JSON (a 500 problem) and pages still answer in HTML.</summary>
public sealed class ApiFailureTests
{
    [Fact]
    public async Task Get_WhenTheDatabaseFails_ApiAnswers500ProblemAndPagesAFriendlyPage()
    {
        using var site = new SiteFactory().WithRealSeed();
        using var failing = site.WithWebHostBuilder(b => b.ConfigureServices(FailRequestsDatabase));
        using var client = failing.CreateClient();

        var api = await client.GetAsync("/api/listings");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(500, JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("<h1>Something went wrong</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Requests open their database asynchronously, the startup import synchronously: only requests fail.</summary>
    private static void FailRequestsDatabase(IServiceCollection services)
    {
        var pooled = services.Last(d => d.ServiceType == typeof(IDbContextFactory<PapersDbContext>));
        services.AddSingleton<IDbContextFactory<PapersDbContext>>(provider =>
            new FailingAsync((IDbContextFactory<PapersDbContext>)(pooled.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, pooled.ImplementationType!))));
    }

    private sealed class FailingAsync(IDbContextFactory<PapersDbContext> inner) : IDbContextFactory<PapersDbContext>
    {
        public PapersDbContext CreateDbContext() => inner.CreateDbContext();

        public Task<PapersDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The database is gone.");
    }
}
