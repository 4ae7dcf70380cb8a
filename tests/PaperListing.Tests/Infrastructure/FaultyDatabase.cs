using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PaperListing.Tests.Infrastructure;

/// <summary>A database that, once switched on, hangs or fails on every query the pages make (the import is unaffected).</summary>
public sealed class FaultyDatabase : DbCommandInterceptor
{
    public enum Fault
    {
        None,
        Hang,
        Fail,
    }

    public Fault Now { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        switch (Now)
        {
            case Fault.Hang:
                await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
                break;
            case Fault.Fail:
                throw new SqliteException("SQLite Error 10: 'disk I/O error'.", 10);
        }
        return result;
    }
}
