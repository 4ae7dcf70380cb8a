using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaperListing.Web.Data.Engines;

/// <summary>
/// PostgreSQL text cannot hold the NUL character, and a parameter carrying one fails the whole query, where SQLite
/// simply finds nothing. Text from a request (a slug, a filter, a search) may carry one, so in every parameter it is
/// replaced by U+FFFD, which no stored text holds either (seeds lose their control characters): a lookup then finds
/// nothing, on both engines alike.
/// </summary>
public sealed class PostgresTextParameters : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    private static T Clean<T>(DbCommand command, T result)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                parameter.Value = text.Replace('\0', '\uFFFD');
            }
        }
        return result;
    }
}
