using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PaperListing.Tests.Infrastructure;
using PaperListing.Web.Configuration;

namespace PaperListing.Tests.Configuration;

/// <summary>The settings registry and the README's settings table name the same settings, row for row, with the same defaults.</summary>
public sealed partial class SettingsRegistryTests
{
    private static IServiceCollection Registry() =>
        new ServiceCollection().AddPaperListingSettings(new ConfigurationBuilder().Build(), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });

    /// <summary>The table's rows, as (name as a configuration key, the Default cell).</summary>
    private static List<(string Name, string Default)> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(OutsideComponent.RepositoryRoot, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Name | Default | Meaning |", StringComparison.Ordinal));
        Assert.True(header > 0, "README.md has no settings table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Unquote(cells[1]).Replace("__", ":", StringComparison.Ordinal), cells[2]))
            .ToList();
    }

    private static string Unquote(string cell) => cell.Trim('`');

    [Fact]
    public void Registry_NamesTheReadmeTablesSettings_RowForRow()
    {
        var readme = ReadmeRows().Select(r => r.Name).ToList();
        var registry = SiteSettings.Names(Registry()).ToList();

        Assert.Empty(registry.Except(readme));
        Assert.Empty(readme.Except(registry));
        Assert.Equal(readme, registry);
    }

    [Fact]
    public void EveryOptionsClassOfTheRegistry_IsValidated()
    {
        var services = Registry();
        var bound = services.Select(d => d.ImplementationInstance).OfType<SettingsSource>().Where(s => s.Options is not null).ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, source => Assert.Contains(services,
            d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(source.Options!)));
    }

    [Fact]
    public void ReadmeDefaults_AreTheOptionsClassesDefaults()
    {
        var defaults = Registry().Select(d => d.ImplementationInstance).OfType<SettingsSource>()
            .Where(s => s.Options is not null)
            .SelectMany(s => s.Options!.GetProperties().Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => (Name: s.Path.Length == 0 ? p.Name : $"{s.Path}:{p.Name}", Value: Written(p.GetValue(Activator.CreateInstance(s.Options))))))
            .ToDictionary(d => d.Name, d => d.Value);
        // Rows whose default is one value in backticks; the others say where the default differs (published, image, dotnet run).
        var single = ReadmeRows().Where(r => SingleValue().IsMatch(r.Default)).ToList();

        Assert.NotEmpty(single);
        Assert.All(single, row =>
        {
            Assert.True(defaults.TryGetValue(row.Name, out var value), $"{row.Name} has no options class");
            Assert.Equal(Unquote(row.Default), value);
        });
    }

    private static string Written(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    [GeneratedRegex("^`[^`]+`$")]
    private static partial Regex SingleValue();
}
