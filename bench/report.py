"""Turns the figures bench/run.sh measured (in environment variables) into docs/performance.md."""
import os
import platform
import re
import subprocess
from datetime import datetime, timezone

e = os.environ


def number(pattern, text):
    match = re.search(pattern, text)
    return float(match.group(1)) if match else float("nan")


def verdict(ok):
    return "met" if ok else "**not met**"


hello = float(e["HELLO_RPS"])
hello_beside = float(e["HELLO_BESIDE_RPS"])
get_rps, post_rps = float(e["GET_RPS"]), float(e["POST_RPS"])
get_p99 = float(e["GET_P99"])
journeys_rate = number(r"= ([\d.]+) per s", e["JOURNEYS"])
journeys_errors = int(number(r"errors (\d+)", e["JOURNEYS"]))
journeys_warm = number(r"timed after (\d+) s", e["JOURNEYS"])
sends_rate = number(r"= ([\d.]+) per s", e["SENDS"])
sends_errors = int(number(r"errors (\d+)", e["SENDS"]))
yardstick = number(r"([\d.]+) per s", e["YARDSTICK"])
dashboard = number(r"median ([\d.]+) ms", e["DASHBOARD"])
filtered = number(r"median ([\d.]+) ms", e["DASHBOARD_FILTERED"])
dashboard_first = number(r"median ([\d.]+) ms", e["DASHBOARD_FIRST"])
filtered_first = number(r"median ([\d.]+) ms", e["DASHBOARD_FILTERED_FIRST"])
csv_ms = number(r"median ([\d.]+) ms", e["CSV"])
csv_mb = number(r"bytes (\d+)", e["CSV"]) / 1e6
xlsx_ms = number(r"median ([\d.]+) ms", e["XLSX"])
xlsx_mb = number(r"bytes (\d+)", e["XLSX"]) / 1e6
sqlite_ms = float(e["SQLITE_MS"])
if e.get("MILLION_ROWS"):
    million_ms = number(r"median ([\d.]+) ms", e["MILLION_CSV"])
    million_sqlite_ms = float(e["MILLION_SQLITE_MS"])
    million = (f"{int(e['MILLION_ROWS']):,} responses: {million_ms / 1000:.1f} s against `sqlite3 -csv` at "
               f"{million_sqlite_ms / 1000:.1f} s = **{million_ms / million_sqlite_ms:.2f}×**; peak memory "
               f"{e['MILLION_PEAK']} MB (before it {e['MILLION_IDLE_MB']} MB)")
else:
    million = "not run (`BENCH_MILLION=1` runs it)"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())

# The sections after the table are written by hand from other benchmarks: they stay as they are.
try:
    kept = open("docs/performance.md", encoding="utf-8").read()
    kept = kept[kept.index("\n## ") + 1:]
except (OSError, ValueError):
    kept = ""

print(f"""# Performance

Measured by `bench/run.sh` (see [bench/README.md](../bench/README.md)) on {datetime.now(timezone.utc):%Y-%m-%d} at commit
`{commit}`: {os.cpu_count()} cores ({cpu}), Release builds from `dotnet publish`, logging at Warning, SQLite in
WAL mode with its default (durable) synchronous setting, {int(e["ROWS"]):,} responses in the database. wrk
ran with 2 threads and {e["CONNECTIONS"]} connections for {e["DURATION"]} s a test, once the rate had settled (5-second rounds, at least
four, until two running agree within 5%), on the same 2 cores as
the server, so absolute figures are noise: the ratios to a hello-world app measured in the same run are
what count. This file is written by the benchmark; run it again rather than editing it.

| Measure | Result | Target | |
| --- | --- | --- | --- |
| Hello world (Kestrel, same run), alone | {hello:,.0f} requests/s, p99 {float(e["HELLO_P99"]):.1f} ms (steady after {e["HELLO_WARM"]} s) | the yardstick | |
| Hello world beside the portal, while its suggestions job works through the seeded comments | {hello_beside:,.0f} requests/s; against it the GET would be {get_rps / hello_beside:.3f}, the POST {post_rps / hello_beside:.3f} and the journeys {journeys_rate / hello_beside * 1000:.2f} per 1,000 | the yardstick before ADR 0030 | |
| Question page GET, draft and antiforgery cookies kept | {get_rps:,.0f} requests/s = **{get_rps / hello:.3f}** of hello world; p99 {get_p99:.1f} ms at {e["CONNECTIONS"]} connections; errors: {e["GET_ERR"]} (steady after {e["GET_WARM"]} s) | ≥ 0.15; p99 < 25 ms | {verdict(get_rps / hello >= 0.15 and get_p99 < 25 and e["GET_ERR"] == "0")} |
| Answer POST (validate, save the draft, redirect) | {post_rps:,.0f} requests/s = **{post_rps / hello:.3f}** of hello world; errors: {e["POST_ERR"]} (steady after {e["POST_WARM"]} s more) | ≥ 0.10 | {verdict(post_rps / hello >= 0.10 and e["POST_ERR"] == "0")} |
| Durable submissions (64 at once) | {sends_rate:,.1f}/s against a bare durable SQLite insert of the same rows at {yardstick:,.1f}/s = **{sends_rate / yardstick:.0%}**; errors: {sends_errors} | ≥ 80% | {verdict(sends_rate / yardstick >= 0.8 and sends_errors == 0)} |
| Whole journeys, 200 people at once, 2,000 journeys timed once the rate had settled | **{journeys_rate:,.1f} journeys/s** = **{journeys_rate / hello * 1000:.2f}** per 1,000 of hello world's requests/s; errors: {journeys_errors} (steady after {journeys_warm:.0f} s) | ≥ 1.5 per 1,000; zero errors | {verdict(journeys_rate / hello >= 0.0015 and journeys_errors == 0)} |
| CSV download of {int(e["ROWS"]):,} responses | {csv_ms / 1000:.1f} s ({csv_mb:,.0f} MB) against `sqlite3 -csv` of the same rows at {sqlite_ms / 1000:.1f} s = **{csv_ms / sqlite_ms:.2f}×**; peak memory {e["CSV_PEAK"]} MB (before it {e["CSV_IDLE_MB"]} MB) | ≤ 2×; < 200 MB | {verdict(csv_ms / sqlite_ms <= 2 and float(e["CSV_PEAK"]) < 200)} |
| CSV download of 1,000,000 responses | {million} | memory flat | |
| Excel download of {int(e["ROWS"]):,} responses | {xlsx_ms / 1000:.1f} s ({xlsx_mb:,.0f} MB); peak memory {e["XLSX_PEAK"]} MB | report | |
| Dashboard, unfiltered | median {dashboard:.1f} ms of 20 views; the first view, which counts everything, {dashboard_first:.0f} ms | < 50 ms | {verdict(dashboard < 50)}{"" if dashboard_first < 50 else " (not on the first view)"} |
| Dashboard, filtered by age group and answering as | median {filtered:.1f} ms of 20 views; the first view {filtered_first:.0f} ms | < 200 ms | {verdict(filtered < 200)}{"" if filtered_first < 200 else " (not on the first view)"} |
| Cold start to the first 200 | {int(e["COLD_NEW"]):,} ms creating and seeding a new database; {int(e["COLD_EXISTING"]):,} ms on an existing one | report | |

The dashboard and download times are measured by the driver on the same machine: server time plus a
loopback round trip. Downloads run in a freshly started portal, after one small warm-up download. Peak
memory is the portal's peak resident set (`VmHWM`), reset just before each download; "before it" is the
resident set just before the download began.

{kept}""", end="")
