using System.ComponentModel.DataAnnotations;

namespace PaperListing.Web.Resilience;

/// <summary>The "Resilience" section: what visitors and the load balancer get while the database is out of reach or saturated.</summary>
public sealed class ResilienceOptions
{
    public const string Section = "Resilience";

    /// <summary>The Retry-After (seconds) of a 503 answered because the database could not be read.</summary>
    [Range(1, 3600, ErrorMessage = "Resilience:RetryAfterSeconds must be between 1 and 3600")]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>How long the health check's ping of the database may take before it counts as failed.</summary>
    [Range(1, 60, ErrorMessage = "Resilience:PingTimeoutSeconds must be between 1 and 60")]
    public int PingTimeoutSeconds { get; set; } = 2;

    /// <summary>/healthz turns unhealthy once the database has failed every ping for this long (and at least twice): one failed query does not flap it.</summary>
    [Range(0, 600, ErrorMessage = "Resilience:UnhealthyAfterSeconds must be between 0 and 600")]
    public int UnhealthyAfterSeconds { get; set; } = 3;

    /// <summary>
    /// Requests that may read the database at once in this process (pages not in the page cache); keep below the
    /// connection pool's Max Pool Size. 0 (the default) chooses for the engine (<see cref="ForEngine"/>).
    /// </summary>
    [Range(0, 10_000, ErrorMessage = "Resilience:ConcurrentRequests must be between 0 (chosen for the engine) and 10000")]
    public int ConcurrentRequests { get; set; }

    /// <summary>PostgreSQL's default: its queries wait on the server without holding a thread here, so more than the cores can be in progress.</summary>
    public const int PostgresConcurrentRequests = 32;

    /// <summary>
    /// The default of <see cref="ConcurrentRequests"/>: on SQLite the cores, since its queries run on the request's
    /// own thread and more pages in the making than cores only take CPU from the cached pages served beside them
    /// (docs/crawl-benchmark.md); on PostgreSQL <see cref="PostgresConcurrentRequests"/>.
    /// </summary>
    public static int ForEngine(bool postgres, int cores) => postgres ? PostgresConcurrentRequests : Math.Max(1, cores);

    /// <summary>Requests that may wait for one of those places; more are answered 503 at once, so memory stays bounded.</summary>
    [Range(0, 100_000, ErrorMessage = "Resilience:QueueLength must be between 0 and 100000")]
    public int QueueLength { get; set; } = 256;

    /// <summary>How long a request may wait for a place before it is answered 503.</summary>
    [Range(1, 60, ErrorMessage = "Resilience:QueueSeconds must be between 1 and 60")]
    public int QueueSeconds { get; set; } = 2;

    /// <summary>Pages served from the cache a second from which the site counts as busy with visitors (<see cref="CrawlPageBudget"/>).</summary>
    [Range(1, 1_000_000_000, ErrorMessage = "Resilience:BusyCacheHitsPerSecond must be a whole number from 1")]
    public int BusyCacheHitsPerSecond { get; set; } = 100;

    /// <summary>While busy, the share of one core that pages made for requests no browser sent may take; 100 holds them not at all.</summary>
    [Range(1, 100, ErrorMessage = "Resilience:CrawlPagePercent must be between 1 and 100")]
    public int CrawlPagePercent { get; set; } = 10;
}
