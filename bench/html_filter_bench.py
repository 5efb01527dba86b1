#!/usr/bin/env python3
"""Does filtering the `-f html` review page of 100,000 papers freeze it?

Builds an arXiv-like JSON Lines input of N papers (the bundled abstracts of
bench/make_corpus.py, each copy a fresh id), renders it with `citex -f html`,
opens the page in headless Chromium driven over the DevTools protocol
(`--remote-debugging-pipe`: no network, no websocket module needed) and
times, from the page's own clock, each filter change until the next frame
has been rendered (the change event, the first slice of the filter, style,
layout and paint of what is on screen) and until the frame after the
filter's last slice (the whole page filtered). Each change is made three times (and undone in
between) and the median is kept; the longest task the page ran during the
changes (PerformanceObserver "longtask") is what a user would feel as a
freeze. Also printed: the page's size, citex's time and peak RSS, the time
to the load event, and the renderer's peak RSS.

usage: bench/html_filter_bench.py [--papers 100000] [--citex build/citex]
                                  [--keep DIR] [--chromium chromium]
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402

# Evaluated in the page once it has loaded; resolves to the timings. A
# "frame" is requestAnimationFrame and then a task: that task runs once the
# frame's style, layout and paint are done.
MEASURE = r"""
(async () => {
  const longTasks = [];
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  }).observe({type: 'longtask'});
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
  const select = name => document.querySelector(`#filters select[name=${name}]`);
  const only = document.querySelector('#only'), search = document.querySelector('#search');
  const setSelect = (name, value) => () => { select(name).value = value; fire(select(name), 'change'); };
  const setOnly = value => () => { only.checked = value; fire(only, 'change'); };
  // Enter in the search box applies it at once (typing waits 200 ms first).
  const setSearch = value => () => { search.value = value; fire(search, 'change'); };
  const firstValue = name => [...select(name).options].map(o => o.value).find(v => v) || '';
  const steps = [
    ['category', setSelect('category', 'code'), setSelect('category', '')],
    ['kind', setSelect('kind', firstValue('kind')), setSelect('kind', '')],
    ['status', setSelect('status', 'coming_soon'), setSelect('status', '')],
    ['role', setSelect('role', 'own'), setSelect('role', '')],
    ['only_with_findings', setOnly(true), setOnly(false)],
    ['title_search', setSearch('model'), setSearch('')],
  ];
  // The page reads what each paper holds while idle after loading; give it
  // the few seconds a person takes to look at the header.
  await new Promise(r => setTimeout(r, 3000));
  for (let i = 0; i < 5; i++) await frame();
  // [to the next frame, to the frame after the last slice of the filter]
  const timed = async change => {
    const start = performance.now();
    change();
    await frame();
    const first = performance.now() - start;
    while (document.documentElement.hasAttribute('data-filtering')) await frame();
    return [first, performance.now() - start];
  };
  const result = {steps: {}};
  const run = async label => {
    for (const [name, change, undo] of steps) {
      const times = [], undos = [];
      for (let i = 0; i < 3; i++) {
        times.push(await timed(change));
        undos.push(await timed(undo));
      }
      result.steps[`${label}${name}`] = {apply: times, clear: undos};
    }
  };
  longTasks.length = 0;
  await run('');
  // The same half way down the page, where the chunks on screen were
  // never rendered before.
  window.scrollTo(0, document.documentElement.scrollHeight / 2);
  for (let i = 0; i < 5; i++) await frame();
  await run('mid_page_');
  await new Promise(r => setTimeout(r, 100));  // let the observer report
  result.longest_task_ms = Math.max(0, ...longTasks);
  result.long_tasks = longTasks.length;
  const nav = performance.getEntriesByType('navigation')[0];
  result.dom_ready_ms = nav.domContentLoadedEventEnd;
  result.load_ms = nav.loadEventEnd;
  result.papers = document.querySelectorAll('article.paper').length;
  result.marks = document.querySelectorAll('.f').length;
  result.elements = document.getElementsByTagName('*').length;
  return JSON.stringify(result);
})()
"""


class Chromium:
    """Headless Chromium with the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, browser, profile, width=1280, height=900):
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The launcher is a shell script: hand the pipes over as fds 7 and 8
        # and let the shell put them at 3 and 4.
        os.dup2(to_browser, 7)
        os.dup2(from_browser_w, 8)
        for fd in (to_browser, from_browser_w):
            if fd not in (7, 8):
                os.close(fd)
        command = [browser, "--headless", "--disable-gpu", "--no-first-run",
                   "--user-data-dir=" + profile, f"--window-size={width},{height}",
                   "--remote-debugging-pipe", "about:blank"]
        if os.geteuid() == 0:
            command.insert(2, "--no-sandbox")
        self.process = subprocess.Popen(
            ["sh", "-c", 'exec "$0" "$@" 3<&7 4>&8 7<&- 8>&-', *command], pass_fds=(7, 8),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(7)
        os.close(8)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True})["sessionId"]

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def page(self, method, params=None):
        return self.call(method, params, self.session)

    def wait_event(self, method):
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read())

    def renderer_peak_rss_mb(self):
        """VmHWM of the largest renderer among the browser's descendants."""
        children = {}
        for entry in pathlib.Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                    ppid = int(stat.rsplit(")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(entry.name))
                except (OSError, ValueError, IndexError):
                    pass
        peak, todo = 0, [self.process.pid]
        while todo:
            pid = todo.pop()
            todo += children.get(pid, [])
            try:
                if b"--type=renderer" not in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue
                for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) / 1024)
            except OSError:
                pass
        return peak

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=60)


def write_corpus(papers, path):
    records = make_corpus.sample_records()
    with open(path, "w", encoding="utf-8") as out:
        for serial in range(1, papers + 1):
            record = dict(records[(serial - 1) % len(records)])
            record["id"] = "%02d%02d.%05d" % (7 + serial // 1200000 % 19,
                                              1 + serial // 100000 % 12, serial % 100000)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def render(citex, corpus, page):
    with open(page, "wb") as out:
        process = subprocess.Popen([citex, "-f", "html", "--no-progress", str(corpus)],
                                   stdout=out)
        start = time.perf_counter()
        _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"citex -f html {corpus} failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, page.stat().st_size / 1e6


def measure(browser, page):
    with tempfile.TemporaryDirectory() as profile:
        chromium = Chromium(browser, profile)
        try:
            chromium.page("Page.enable")
            start = time.perf_counter()
            chromium.page("Page.navigate", {"url": page.as_uri()})
            chromium.wait_event("Page.loadEventFired")
            load_s = time.perf_counter() - start
            reply = chromium.page("Runtime.evaluate", {"expression": MEASURE,
                                                       "awaitPromise": True,
                                                       "returnByValue": True})
            if "exceptionDetails" in reply:
                raise RuntimeError(json.dumps(reply["exceptionDetails"])[:2000])
            result = json.loads(reply["result"]["value"])
            result["load_wall_s"] = load_s
            result["renderer_peak_rss_mb"] = chromium.renderer_peak_rss_mb()
        finally:
            chromium.close()
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=100000)
    parser.add_argument("--citex", default=str(ROOT / "build" / "citex"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--keep", help="leave the input and the page in this directory")
    args = parser.parse_args()
    work = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="citex-html-filter-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, page = work / f"papers-{args.papers}.jsonl", work / f"papers-{args.papers}.html"
    try:
        write_corpus(args.papers, corpus)
        citex_s, citex_rss, page_mb = render(args.citex, corpus, page)
        r = measure(args.chromium, page.resolve())
    finally:
        if not args.keep:
            shutil.rmtree(work)
    print(f"{r['papers']} papers, {r['marks']} marks, {r['elements']} elements; "
          f"page {page_mb:.0f} MB; citex -f html {citex_s:.1f} s, peak RSS "
          f"{citex_rss:.0f} MB; Chromium: load event {r['load_wall_s']:.1f} s "
          f"(DOM ready {r['dom_ready_ms'] / 1000:.1f} s), renderer peak RSS "
          f"{r['renderer_peak_rss_mb']:.0f} MB")
    print("filter change, median of 3 (ms): to the next frame, apply / clear; "
          "to the whole page filtered, apply / clear")
    for name, times in r["steps"].items():
        first = [statistics.median(t[0] for t in times[k]) for k in ("apply", "clear")]
        done = [statistics.median(t[1] for t in times[k]) for k in ("apply", "clear")]
        print(f"  {name:28} {first[0]:7.1f} / {first[1]:7.1f}   {done[0]:7.1f} / {done[1]:7.1f}")
    print(f"longest task while filtering: {r['longest_task_ms']:.0f} ms "
          f"({r['long_tasks']} tasks over 50 ms)")

if __name__ == "__main__":
    main()
