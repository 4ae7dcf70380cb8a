#!/usr/bin/env python3
"""Writes docs/benchmarks.md from a benchmark run: bench/out/summary.env and bench/out/results.tsv (made by
bench/run.sh), checks every target of the issue against the figures, and appends bench/notes.md (why a target is
missed and what comes next)."""
import collections
import statistics
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = root / "bench" / "out"
summary = dict(line.rstrip("\n").split("=", 1) for line in (out / "summary.env").open(encoding="utf-8") if "=" in line)

runs = collections.OrderedDict()
for line in (out / "results.tsv").open(encoding="utf-8"):
    name, rps, p50, p99, errors = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(rps), float(p50), float(p99), int(errors)))
median = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
                 statistics.median(r[2] for r in rs), sum(r[3] for r in rs)) for name, rs in runs.items()}
baseline = next(iter(median.values()))[0]
ratio = {name: m[0] / baseline for name, m in median.items()}
missing = [line.split("|") for line in summary.get("missing", "").split(";") if line]


def find(prefix):
    return next((name for name in median if name.startswith(prefix)), None)


def verdict(ok):
    return "met" if ok else "**missed**"


lines = []
add = lines.append
add("# Benchmarks")
add("")
add(f"Measured {summary['date']} on {summary['machine']}. Load average before the run: {summary['load_before']}; "
    f"after: {summary['load_after']}. The machine is shared: compare the ratios (measured side by side in one run), "
    "not the absolute figures.")
add("")
add("```sh")
add(summary["command"])
add("```")
add("")
add(f"## Import of {summary['n']} synthetic papers ({summary['papers_line']})")
add("")
add("| step | figure |")
add("|---|---|")
add(f"| first import into an empty database (its own timing, from the log) | {summary['import_seconds']} s |")
add(f"| start to healthy, first import | {float(summary['import_healthy']):.1f} s |")
add(f"| CPU time of that process (user + system) | {summary['import_cpu']} s |")
add(f"| peak RSS of that process | {summary['import_rss']} MB |")
add(f"| progress lines in its log (percent, papers/s) | {summary['progress_lines']} |")
add(f"| restart over unchanged seeds: start to healthy | {float(summary['restart_healthy']):.1f} s |")
add(f"| CPU time of that restart, to its stop (user + system) | {summary['restart_cpu']} s |")
add("")
add(f"Restart's summary line: `{summary['restart_line']}`")
if summary.get("index_line"):
    add("")
    add(f"The search index, built by the first server after the import and before any page was measured: `{summary['index_line']}`")
add("")
if "pg_import_seconds" in summary:
    ratio_pg = float(summary["pg_import_seconds"]) / float(summary["import_seconds"])
    add(f"## The same import on PostgreSQL {summary['pg_version']} (`--provider postgres`)")
    add("")
    add("Same binary, seeds and machine, one after the other; PostgreSQL runs on this machine too (scripts/postgres-start.sh).")
    add("")
    add("| step | SQLite | PostgreSQL |")
    add("|---|---:|---:|")
    add(f"| first import into an empty database (its own timing) | {summary['import_seconds']} s | {summary['pg_import_seconds']} s |")
    add(f"| start to healthy, first import | {float(summary['import_healthy']):.1f} s | {float(summary['pg_import_healthy']):.1f} s |")
    add(f"| CPU time of the site's process (user + system; PostgreSQL's own not included) | {summary['import_cpu']} s | {summary['pg_import_cpu']} s |")
    add(f"| peak RSS of the site's process | {summary['import_rss']} MB | {summary['pg_import_rss']} MB |")
    add(f"| restart over unchanged seeds: start to healthy | {float(summary['restart_healthy']):.1f} s | {float(summary['pg_restart_healthy']):.1f} s |")
    add("")
    add(f"PostgreSQL's import: `{summary['pg_papers_line']}`; restart: `{summary['pg_restart_line']}`. "
        f"PostgreSQL takes **{ratio_pg:.2f}×** the SQLite time (target: at most 2×).")
    add("")
add(f"## Pages ({summary['page_kb']} KB listing page; wrk -t1 -c{summary['connections']}, {summary['rounds']} interleaved "
    f"rounds of {summary['duration']} s per page; medians)")
add("")
add("The ratio is to the static copy of listing page 1 served by the same app in the same run. \"Uncached\" is a server")
add("started with `Caching__OutputCache=false`; \"cached\" is the default server; both serve the same database.")
add("")
add("| page | req/s | ratio to static | p50 ms | p99 ms | non-2xx/3xx |")
add("|---|---:|---:|---:|---:|---:|")
for name, (rps, p50, p99, errors) in median.items():
    add(f"| {name} | {rps:,.0f} | {ratio[name]:.2f} | {p50:.2f} | {p99:.2f} | {errors} |")
for name, path, code in missing:
    add(f"| {name} | not built yet (`{path}` answers {code}) | | | | |")
add("")
if "rss_uncached_start" in summary:
    add(f"Peak RSS while serving the load: {summary['rss_uncached']} MB (uncached server), {summary['rss_cached']} MB (cached server); "
        f"before it, from each start to the search index ready: {summary['rss_uncached_start']} MB (the uncached server, which built the "
        f"index) and {summary['rss_cached_start']} MB (the cached one, which opened it). Each peak is `VmHWM`, reset between the two "
        f"(`/proc/PID/clear_refs`).")
else:
    add(f"Peak RSS after the load: {summary['rss_uncached']} MB (uncached server), {summary['rss_cached']} MB (cached server).")
add("")

first, last = find("listing page 1, uncached"), find("listing page") and next(
    (n for n in median if n.startswith("listing page") and "(last), uncached" in n), None)
middle = next((n for n in median if "(middle), uncached" in n), None)
uncached = [n for n in (first, middle, last) if n]
cached = [n for n in median if "cached (repeat view)" in n and "uncached" not in n]
add("## Targets")
add("")
add("| target | figure | verdict |")
add("|---|---|---|")
worst = min(ratio[n] for n in uncached)
add(f"| any listing page, uncached: ≥ 0.30 of static | {', '.join(f'{ratio[n]:.2f}' for n in uncached)} | {verdict(worst >= 0.30)} |")
paper_pages = [n for n in median if n.startswith("paper page")]
if paper_pages:
    add(f"| paper page, uncached: ≥ 0.20 of static | {ratio[paper_pages[0]]:.2f} | {verdict(ratio[paper_pages[0]] >= 0.20)} |")
people = [n for n in median if n.startswith(("author page", "subject page"))]
if people:
    add(f"| author and subject pages, first and last, uncached: ≥ 0.25 of static | {', '.join(f'{ratio[n]:.2f}' for n in people)} | "
        f"{verdict(min(ratio[n] for n in people) >= 0.25)} |")
depth = median[last][0] / median[first][0]
add(f"| deepest / first listing page, uncached: ≥ 0.95 | {depth:.3f} | {verdict(depth >= 0.95)} |")
for kind in ("author", "subject", "search"):
    pages = [n for n in median if n.startswith(kind)]
    if len(pages) >= 2:
        deep = median[pages[-1]][0] / median[pages[0]][0]
        add(f"| {kind} pages: deep ≥ 0.5 × first | {deep:.2f} | {verdict(deep >= 0.5)} |")
    elif len(pages) == 1:
        add(f"| {kind} pages: deep ≥ 0.5 × first | only the first page measured (see below) | — |")
    else:
        add(f"| {kind} pages: deep ≥ 0.5 × first | not built yet | — |")
add(f"| repeat views of page 1 and the last page (cache hit): both ≥ 1.2 of static | {', '.join(f'{ratio[n]:.2f}' for n in cached)} | {verdict(min(ratio[n] for n in cached) >= 1.2)} |")
p99 = max(median[n][2] for n in uncached)
add(f"| p99 ≤ 15 ms at {summary['connections']} connections, uncached listing pages | {p99:.1f} ms (worst) | {verdict(p99 <= 15)} |")
rss = max(int(summary["rss_uncached"]), int(summary["rss_cached"]))
add(f"| server RSS under load ≤ 300 MB | {rss} MB | {verdict(rss <= 300)} |")
if "rss_uncached_start" in summary:
    add(f"| (beside it) peak RSS while the search index is built | {summary['rss_uncached_start']} MB | — |")
add(f"| import of {summary['n']} papers ≤ 45 s | {summary['import_seconds']} s ({summary['import_cpu']} s CPU) | {verdict(float(summary['import_seconds']) <= 45)} |")
add(f"| import peak RSS ≤ 500 MB | {summary['import_rss']} MB | {verdict(int(summary['import_rss']) <= 500)} |")
add(f"| restart with unchanged seeds healthy ≤ 3 s | {float(summary['restart_healthy']):.1f} s ({summary['restart_cpu']} s CPU) | {verdict(float(summary['restart_healthy']) <= 3)} |")
add(f"| progress in the log (percent, papers/s) | {summary['progress_lines']} lines | {verdict(int(summary['progress_lines']) > 0)} |")
if "pg_import_seconds" in summary:
    add(f"| import on PostgreSQL ≤ 2 × SQLite | {summary['pg_import_seconds']} s vs {summary['import_seconds']} s | "
        f"{verdict(float(summary['pg_import_seconds']) <= 2 * float(summary['import_seconds']))} |")
add("")
notes = root / "bench" / "notes.md"
if notes.exists():
    add(notes.read_text(encoding="utf-8").rstrip())
    add("")
(root / "docs" / "benchmarks.md").write_text("\n".join(lines), encoding="utf-8")
print("\n".join(lines))
