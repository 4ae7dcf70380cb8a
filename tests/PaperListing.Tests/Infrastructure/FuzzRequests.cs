using System.Globalization;
using System.Text;

namespace PaperListing.Tests.Infrastructure;

/// <summary>One generated request, kept as data so a failure can be printed and replayed.</summary>
public sealed record FuzzRequest(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        // Absolute, so a target such as "//x" stays a path and is not read as a host.
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri("http://localhost" + Url));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        return message;
    }

    public override string ToString() =>
        $"{Method} {(Url.Length > 200 ? Url[..200] + $"…({Url.Length} chars)" : Url)}" +
        (Headers.Count > 0 ? $" [{string.Join("; ", Headers.Select(h => $"{h.Name}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}"))}]" : "");
}

/// <summary>Makes requests that a crawler, a broken client or an attacker could send, from a seeded <see cref="Random"/>.</summary>
public sealed class FuzzRequests(Random random, IReadOnlyList<SiteRoute> routes, IReadOnlyList<string> knownUrls, IReadOnlyList<string> knownValues)
{
    private static readonly string[] OddMethods = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "CONNECTX", "BREW"];

    private static readonly string[] Nasty =
    [
        "%00", "%ff", "%fe%ff", "%c0%ae", "%c0%af", "%e0%80%ae", "%2e%2e", "%2e%2e%2f", "..", ".", "%2f", "%5c", "%25", "%25%32%65",
        "%", "%g0", "%u002e", "\u202E", "\u0000", "ü", "💥", "<script>alert(1)</script>", "'\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)", "' OR 1=1 --", "${jndi:ldap://x}", "{{7*7}}", "../../../../etc/passwd", "-1", "0", "2147483648",
        "99999999999999999999", "1e9", "0x10", " ", "", "null", "undefined", "NaN",
    ];

    private static readonly string[] ContentTypes =
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=broken", "multipart/form-data", "application/json", "text/plain", "application/xml", "garbage/;;;"];

    public FuzzRequest Next()
    {
        var method = random.Next(10) switch
        {
            < 6 => "GET",
            6 => "HEAD",
            _ => OddMethods[random.Next(OddMethods.Length)],
        };
        var url = random.Next(3) == 0 ? Mutate(Pick(knownUrls)) : FromRoute(Pick(routes));
        if (random.Next(2) == 0)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Query();
        }
        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PUT" or "PATCH" or "PROPFIND" && random.Next(2) == 0)
        {
            body = new byte[random.Next(0, 4000)];
            random.NextBytes(body);
            if (random.Next(2) == 0)
            {
                body = Encoding.UTF8.GetBytes($"q={Value()}&__RequestVerificationToken={Value()}&page={Value()}");
            }
            contentType = Pick(ContentTypes);
        }
        return new FuzzRequest(method, Escape(url), Headers(), body, contentType);
    }

    private string FromRoute(SiteRoute route) =>
        SiteRoutes.Fill(route, parameter => random.Next(3) switch
        {
            0 when route.IsIntParameter(parameter) => random.Next(-2, 3) switch
            {
                -2 => "-1",
                -1 => int.MaxValue.ToString(CultureInfo.InvariantCulture),
                _ => random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
            },
            0 => Pick(knownValues),
            _ => Value(),
        });

    private string Mutate(string url) => random.Next(6) switch
    {
        0 => url + "/" + Value(),
        1 => url.Replace("/", "//", StringComparison.Ordinal),
        2 => url.ToUpperInvariant(),
        3 => url + Pick(Nasty),
        4 => url.Length > 2 ? url[..random.Next(1, url.Length)] : url,
        _ => "/" + string.Join('/', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Value())),
    };

    private string Value() => random.Next(8) switch
    {
        0 => Pick(Nasty),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(Nasty))),
        2 => new string('a', random.Next(500, 3000)),
        3 => RandomText(random.Next(1, 40)),
        4 => Pick(knownValues) + Pick(Nasty),
        5 => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture),
        _ => Pick(knownValues),
    };

    private string Query() => random.Next(6) switch
    {
        0 => $"page={Value()}",
        1 => $"page={random.Next(-5, 50)}&page={random.Next(0, 3)}",
        2 => $"q={Value()}",
        3 => new string('x', random.Next(1000, 5000)),
        4 => string.Join('&', Enumerable.Range(0, random.Next(1, 200)).Select(i => $"k{i}={Value()}")),
        _ => $"{Value()}={Value()}",
    };

    private List<(string, string)> Headers()
    {
        var headers = new List<(string, string)>();
        if (random.Next(4) == 0)
        {
            headers.Add(("Accept-Language", random.Next(2) == 0 ? string.Join(',', Enumerable.Range(0, 2000).Select(i => $"x{i};q=0.{i % 10}")) : "en;q=abc,*;q=,;;"));
        }
        if (random.Next(6) == 0)
        {
            headers.Add(("If-None-Match", Pick(["garbage", "\"", "W/", "*", "\"abc\", garbage", new string('"', 500)])));
        }
        if (random.Next(6) == 0)
        {
            headers.Add(("Range", Pick(["bytes=abc", "bytes=5-1", "bytes=-0", "bytes=0-0,1-1,2-2,3-3,4-4,5-5", "lines=1-2", "bytes=99999999999999999999-"])));
        }
        if (random.Next(8) == 0)
        {
            headers.Add(("If-Modified-Since", Pick(["yesterday", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "0"])));
        }
        if (random.Next(8) == 0)
        {
            headers.Add(("Accept", Pick(["application/json", "*/*;q=abc", "text/html;level=1;q=0.5", "application/problem+json", ""])));
        }
        if (random.Next(8) == 0)
        {
            headers.Add(("Cookie", $"lang={Value()}; {Value()}={Value()}"));
        }
        return headers;
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0xA0, 0x2FFF),
                2 => (char)random.Next(0x3000, 0xD7FF),
                _ => (char)random.Next(0x20, 0x7F),
            });
        }
        return text.ToString();
    }

    /// <summary>Makes the text sendable as a request target: characters a client must escape are escaped, "%" sequences kept as written.</summary>
    private static string Escape(string url)
    {
        var escaped = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F && rune.Value is not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' or '#'))
            {
                escaped.Append((char)rune.Value);
            }
            else
            {
                var count = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..count])
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
                }
            }
        }
        return escaped.Length > 0 && escaped[0] == '/' ? escaped.ToString() : "/" + escaped;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
