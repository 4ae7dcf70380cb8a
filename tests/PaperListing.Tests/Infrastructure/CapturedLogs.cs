using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperListing.Tests.Infrastructure;

/// <summary>Every log line the site writes, rendered, so tests can read what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => _lines.ToList();

    public IEnumerable<string> Messages(LogLevel atLeast) => _lines.Where(l => l.Level >= atLeast).Select(l => l.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
