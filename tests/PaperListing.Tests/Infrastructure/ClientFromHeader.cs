using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// Takes the client's address from the test header <see cref="Header"/>, as forwarded headers would from a proxy, so a
/// test can be several clients at once. Add it with <c>WithServices(s =&gt; s.AddSingleton&lt;IStartupFilter, ClientFromHeader&gt;())</c>.
/// </summary>
public sealed class ClientFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
