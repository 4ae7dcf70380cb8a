#!/usr/bin/env python3
"""Two running builds of the site, measured side by side on the same addresses: for each address and each build in
turn (the order alternating), a warm-up, then ROUNDS sequential requests; reported are the median wall time of one
request and the server's CPU time per request (utime + stime of its process from /proc, before and after), which
holds on a loaded, shared machine where wall times swing. Loopback only, bounded: ROUNDS x addresses x 2 requests.

  bench/compare.py ROUNDS before=http://127.0.0.1:5805,PID after=http://127.0.0.1:5804,PID -- /search?q=tensor ...
"""
import os, statistics, sys, time, urllib.request, urllib.error

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code

def measure(base, pid, path, rounds):
    for _ in range(3):
        status = fetch(base + path)
    if status != 200:
        return None
    times = []
    cpu = cpu_seconds(pid)
    for _ in range(rounds):
        start = time.perf_counter()
        fetch(base + path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), (cpu_seconds(pid) - cpu) * 1000 / rounds

def main():
    rounds = int(sys.argv[1])
    split = sys.argv.index("--")
    builds = [(arg.split("=", 1)[0], *arg.split("=", 1)[1].split(",")) for arg in sys.argv[2:split]]
    print(f"| address | " + " | ".join(f"{name} median ms | {name} CPU ms/request" for name, _, _ in builds) + " | CPU ratio |")
    print("|---|" + "---:|" * (2 * len(builds) + 1))
    for i, path in enumerate(sys.argv[split + 1:]):
        order = builds if i % 2 == 0 else list(reversed(builds))
        results = {name: measure(base, pid, path, rounds) for name, base, pid in order}
        cells, cpus = [], []
        for name, _, _ in builds:
            result = results[name]
            cells += ["not served", "–"] if result is None else [f"{result[0]:.1f}", f"{result[1]:.2f}"]
            cpus.append(None if result is None else result[1])
        ratio = f"{cpus[1] / cpus[0]:.2f}" if len(cpus) == 2 and None not in cpus and cpus[0] > 0 else "–"
        print(f"| `{path}` | " + " | ".join(cells) + f" | {ratio} |", flush=True)

main()
