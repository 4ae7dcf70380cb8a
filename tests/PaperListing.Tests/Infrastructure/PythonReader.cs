using System.Diagnostics;

namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// A Python program reading what the site wrote with a real reader of its format (e.g. prometheus_client's text
/// parser): Debian's python3 first, whose modules come from python3-* packages, then any python3 on the PATH.
/// </summary>
public static class PythonReader
{
    /// <summary>A python3 that can import <paramref name="module"/>, or null.</summary>
    public static string? With(string module) =>
        new[] { "/usr/bin/python3", OutsideComponent.FindOnPath("python3") }
            .Where(p => p is not null && File.Exists(p))
            .FirstOrDefault(p => Run(p!, $"import {module}", "").ExitCode == 0);

    /// <summary>Runs <paramref name="program"/> with <paramref name="input"/> on its standard input; its output, or a failure with its errors.</summary>
    public static string Read(string python, string program, string input)
    {
        var (exitCode, output, errors) = Run(python, program, input);
        Assert.True(exitCode == 0, $"the reader failed ({exitCode}): {errors}");
        return output;
    }

    private static (int ExitCode, string Output, string Errors) Run(string python, string program, string input)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(program);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit(60_000);
        return (process.ExitCode, output.Result, errors.Result);
    }
}
