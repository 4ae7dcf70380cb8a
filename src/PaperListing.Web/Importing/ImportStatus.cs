using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperListing.Web.Importing;

/// <summary>
/// Whether the startup import has finished, shared by the health check and the request gate. An import in progress
/// is Degraded (answered 503, logged as a warning); only a failed one is Unhealthy (logged as an error).
/// </summary>
public sealed class ImportStatus : IHealthCheck
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;
    public ImportReport? Report { get; private set; }
    public string? Failure { get; private set; }

    public void Complete(ImportReport report)
    {
        Report = report;
        _done.TrySetResult();
    }

    public void Fail(string reason)
    {
        Failure = reason;
        _done.TrySetResult();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !Done.IsCompleted ? HealthCheckResult.Degraded("importing seeds")
            : Failure is not null ? HealthCheckResult.Unhealthy($"import failed: {Failure}")
            : Report is { FilesFailed: > 0 } ? HealthCheckResult.Unhealthy($"{Report.FilesFailed} seed files could not be written")
            : HealthCheckResult.Healthy($"{Report?.Papers} papers"));
}
