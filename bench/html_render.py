#!/usr/bin/env python3
"""How fast headless Chromium shows and filters citex's HTML review page.

For each page: `citex -f html` over the inputs, then Chromium loads a copy
with a timing script appended, which reports (from the page's own clock)
when the DOM was ready and loaded, and how long each filter took to apply
and lay out. The baseline in the same run is Chromium on the 71-paper
sample page, so the numbers read as ratios to it; the wall and CPU time
of all Chromium processes are printed too (start-up is most of a small page).

usage: bench/html_render.py [--citex build/citex] [--papers N] [INPUT...]
  INPUT... the inputs of one page (e.g. ../shared/eval/hf-daily/*.json);
  --papers N also builds a page of N papers from the bundled abstracts
  (bench/make_corpus.py's; bench/html_filter_bench.py times its filters
  to the frame, without a synchronous layout).
"""
import argparse
import json
import os
import resource
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import html_filter_bench  # noqa: E402

# Appended after </html>: the parser puts it at the end of <body>, so it runs
# once every paper is in the DOM. Each filter is applied, then forced through
# style and layout (offsetHeight), and timed.
TIMING = """<script>
addEventListener('load', () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const result = {dom_ready_ms: nav.domContentLoadedEventEnd, loaded_ms: nav.loadEventEnd || performance.now()};
  // The best of three: the page's clock also counts time the machine
  // gave to other processes.
  const time = (label, change, undo) => {
    let best = Infinity;
    undo();
    document.body.offsetHeight;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      change();
      document.body.offsetHeight;
      best = Math.min(best, performance.now() - start);
      undo();
      document.body.offsetHeight;
    }
    result[label] = best;
  };
  const kind = document.querySelector('select[name=kind]');
  const only = document.querySelector('#only');
  const fire = (el, type) => el.dispatchEvent(new Event(type));
  const set = (value) => () => { kind.value = value; fire(kind, 'change'); };
  const check = (value) => () => { only.checked = value; fire(only, 'change'); };
  time('filter_kind_ms', set('link:github'), set(''));
  time('filter_off_ms', set(''), set('link:github'));
  time('only_findings_ms', check(true), check(false));
  result.papers = document.querySelectorAll('article.paper').length;
  result.marks = document.querySelectorAll('.f').length;
  document.documentElement.setAttribute('data-timing', JSON.stringify(result));
});
</script>
"""


def chromium_command():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (Debian package chromium)")
    command = [browser, "--headless", "--disable-gpu", "--no-first-run"]
    if os.geteuid() == 0:
        command.append("--no-sandbox")
    return command


def measure(page, html_bytes):
    timed = page.with_suffix(".timed.html")
    timed.write_bytes(html_bytes + TIMING.encode())
    with tempfile.TemporaryDirectory() as profile:
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        dom = subprocess.run([*chromium_command(), "--user-data-dir=" + profile, "--dump-dom",
                              timed.as_uri()], capture_output=True, check=True).stdout.decode()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter() - start
    # Every Chromium process (browser, renderer, GPU) is a reaped descendant.
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    marker = 'data-timing="'
    raw = dom[dom.index(marker) + len(marker):].split('"', 1)[0]
    result = json.loads(raw.replace("&quot;", '"'))
    result["chromium_wall_s"] = wall
    result["chromium_cpu_s"] = cpu
    result["megabytes"] = len(html_bytes) / 1e6
    return result


def citex_html(citex, inputs):
    return subprocess.run([citex, "-f", "html", "--no-progress", *map(str, inputs)],
                          capture_output=True, check=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--citex", default=str(ROOT / "build" / "citex"))
    parser.add_argument("--papers", type=int, default=0)
    parser.add_argument("inputs", nargs="*")
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="citex-html-bench-"))
    sample = ROOT / "samples" / "daily-papers.txt"
    pages = [("sample page, 71 papers (baseline)", citex_html(args.citex, [sample]))]
    if args.inputs:
        pages.append((f"{len(args.inputs)} inputs", citex_html(args.citex, args.inputs)))
    if args.papers:
        # JSON Lines: a text page is one record, bounded by --max-record-bytes.
        corpus = work / "many.jsonl"
        html_filter_bench.write_corpus(args.papers, corpus)
        pages.append((f"{args.papers} papers", citex_html(args.citex, [corpus])))
    results = [(name, measure(work / f"page{i}.html", html)) for i, (name, html) in
               enumerate(pages)]
    base = results[0][1]
    for name, r in results:
        print(f"{name}: {r['papers']} papers, {r['marks']} marks, {r['megabytes']:.1f} MB; "
              f"DOM ready {r['dom_ready_ms']:.0f} ms ({r['dom_ready_ms'] / base['dom_ready_ms']:.1f}x), "
              f"loaded {r['loaded_ms']:.0f} ms; filter by kind {r['filter_kind_ms']:.0f} ms, "
              f"off {r['filter_off_ms']:.0f} ms, only with findings {r['only_findings_ms']:.0f} ms; "
              f"chromium wall {r['chromium_wall_s']:.1f} s, CPU {r['chromium_cpu_s']:.1f} s "
              f"({r['chromium_cpu_s'] / base['chromium_cpu_s']:.2f}x)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
