#!/usr/bin/env python3
"""Opens citex's HTML pages in headless Chromium and reads the DOM it built.

Usage: html_browser_test.py CITEX OUT_DIR

For every bundled sample: the page shows every paper, and exactly the links
and citations of `-f json` as marked elements at their spans (text, kind,
status, role, href). For the hostile sample and a hostile record read back
with `-i citex`: the document holds no script but the page's own, no event
attribute, no `javascript:` or other non-web URL, no element the input
spelled out, and no payload ran. On the seed page, filters set on the
page's own controls hide exactly the papers they should and dim the marks
they do not match. Leaves OUT_DIR/daily-papers.png, a screenshot of the
seed page, for review.

Exit 77 (skipped) without Chromium, unless CI is set: then it fails.
"""
import concurrent.futures
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAFE_SCHEMES = ("http://", "https://", "ftp://", "#")
# Elements of the page itself; anything else came from the input.
PAGE_ELEMENTS = {
    "html", "head", "body", "meta", "title", "style", "script", "a", "header", "h1", "h2",
    "div", "label", "select", "option", "optgroup", "input", "main", "article", "p", "mark",
    "details", "summary", "pre", "button", "section", "dl", "dt", "dd", "ul", "li", "b",
    "output",
}


def find_chromium():
    for name in (os.environ.get("CITEX_CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(browser, args, page):
    """Runs headless Chromium on a file with a profile of its own."""
    with tempfile.TemporaryDirectory() as profile:
        command = [browser, "--headless", "--disable-gpu", "--no-first-run",
                   "--user-data-dir=" + profile, *args, page.as_uri()]
        if os.geteuid() == 0:
            command.insert(2, "--no-sandbox")  # Chromium refuses to run as root without it
        result = subprocess.run(command, capture_output=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"chromium failed on {page}: {result.stderr.decode()[-2000:]}")
    return result.stdout.decode("utf-8")


class Dom(html.parser.HTMLParser):
    """What the tests need of a dumped DOM: papers, marks, scripts, attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.papers = {}      # article id -> {"title", "abstract", "marks": [...]}
        self.scripts = []     # text of each <script>
        self.tags = set()
        self.attributes = []  # (tag, name, value) of every element
        self.root_attributes = {}
        self._stack = []      # open elements: (tag, record or None)
        self._paper = None
        self._capture = []    # open text sinks: lists to append to
        self.shown_text = []  # the filters' "N of M papers"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs.items()]
        if tag == "html":
            self.root_attributes = attrs
        if tag in ("meta", "input", "br", "img", "link", "base", "hr", "wbr", "source"):
            return  # void elements have no end tag
        sink = None
        if tag == "article":
            self._paper = {"title": [], "abstract": [], "marks": [],
                           "class": attrs.get("class", "").split()}
            self.papers[attrs.get("id")] = self._paper
        elif tag == "h2" and self._paper is not None:
            sink = self._paper["title"]
        elif tag == "p" and "abstract" in attrs.get("class", "").split():
            sink = self._paper["abstract"]
        elif tag == "output" and attrs.get("id") == "shown":
            sink = self.shown_text
        elif tag == "script":
            self.scripts.append([])
            sink = self.scripts[-1]
        elif "data-start" in attrs and self._paper is not None:
            mark = {"tag": tag, "attrs": attrs, "text": []}
            self._paper["marks"].append(mark)
            sink = mark["text"]
        self._stack.append((tag, sink))
        if sink is not None:
            self._capture.append(sink)

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, sink = self._stack.pop()
            if sink is not None:
                self._capture.remove(sink)
            if open_tag == tag:
                break
        if tag == "article":
            self._paper = None

    def handle_data(self, data):
        for sink in self._capture:
            sink.append(data)


def parse(text):
    dom = Dom()
    dom.feed(text)
    dom.close()
    for paper in dom.papers.values():
        paper["title"] = "".join(paper["title"])
        paper["abstract"] = "".join(paper["abstract"])
    dom.scripts = ["".join(s) for s in dom.scripts]
    dom.shown = "".join(dom.shown_text)
    return dom


def expected_marks(record):
    """Each finding of a JSON record as the page must mark it."""
    marks = []
    for link in record["links"]:
        marks.append(("link", link["kind"], link["span"][0], link["span"][1], link["status"],
                      link["role"], link["text"], link["url"]))
    for citation in record["citations"]:
        marks.append(("citation", citation["kind"], citation["span"][0], citation["span"][1],
                      "", "", citation["text"], None))
    return sorted(marks, key=repr)


def found_marks(paper):
    """The page's marks, the pieces of a crossing span joined again."""
    joined = {}
    for mark in paper["marks"]:
        a = mark["attrs"]
        key = (a["data-item"], a["data-kind"], int(a["data-start"]), int(a["data-end"]),
               a["data-status"], a["data-role"])
        entry = joined.setdefault(key, {"text": "", "href": None})
        entry["text"] += "".join(mark["text"])
        if mark["tag"] == "a":
            entry["href"] = a["href"]
    marks = []
    for key, entry in joined.items():
        # A link's URL is its href whenever it is a web URL.
        href = entry["href"] if key[0] == "link" else None
        marks.append((*key, entry["text"], href))
    return sorted(marks, key=repr)


def check_marks(name, records, dom, errors):
    if len(dom.papers) != len(records):
        errors.append(f"{name}: {len(dom.papers)} papers on the page, {len(records)} in the JSON")
    for record in records:
        paper = dom.papers.get(f"paper-{record['index']}")
        if paper is None:
            errors.append(f"{name}: paper {record['index']} missing")
            continue
        title = " ".join(record["title"].split()) or "(untitled)"
        if paper["title"] != title:
            errors.append(f"{name}: paper {record['index']} title {paper['title']!r} != {title!r}")
        want = expected_marks(record)
        # Only web URLs become hrefs; others must not be one.
        want = [m[:7] + (m[7] if m[7] and m[7].lower().startswith(SAFE_SCHEMES[:3]) else None,)
                for m in want]
        got = found_marks(paper)
        if got != want:
            errors.append(f"{name}: paper {record['index']} marks differ\n  page: {got}\n  json: {want}")
    return len(records), sum(len(r["links"]) + len(r["citations"]) for r in records)


def check_inert(name, page_text, dom, errors):
    """Nothing from the input may be markup or run."""
    own_script = page_text.split("<script>", 1)[1].split("</script>", 1)[0]
    if dom.scripts != [own_script]:
        errors.append(f"{name}: scripts on the page: {len(dom.scripts)}, or the page's own changed")
    for tag, attribute, value in dom.attributes:
        if attribute.startswith("on"):
            errors.append(f"{name}: event attribute <{tag} {attribute}={value!r}>")
        if attribute in ("href", "src", "action", "formaction", "srcdoc", "xlink:href") and \
                not value.lower().startswith(SAFE_SCHEMES):
            errors.append(f"{name}: <{tag} {attribute}={value!r}>")
    stray = dom.tags - PAGE_ELEMENTS
    if stray:
        errors.append(f"{name}: elements from the input: {sorted(stray)}")
    if "data-pwned" in dom.root_attributes:
        errors.append(f"{name}: a payload ran (data-pwned={dom.root_attributes['data-pwned']})")


def hostile_citex_records(directory):
    """citex JSON Lines read back with -i citex: any URL and span may come in."""
    abstract = 'go javascript:x here " onmouseover="y" https://a.org/"><b>x</b>'

    def span(text):
        start = abstract.index(text)
        return [start, start + len(text)]

    def link(url, text, status="unknown", role="unknown"):
        return {"url": url, "text": text, "span": span(text), "kind": "other", "type": "page",
                "name": None, "status": status, "role": role}

    record = {
        "index": 0, "id": "2401.00003", "title": "<script>x</script>", "abstract": abstract,
        "source": {"path": "x", "line": 1},
        "links": [
            link("javascript:document.documentElement.setAttribute('data-pwned',1)",
                 "javascript:x", "released", "own"),
            link('https://a.org/"><b>x</b>', 'https://a.org/"><b>x</b>'),
            link("data:text/html,<script>x</script>", 'here " onmouseover="y"'),
        ],
        # Crosses two links: written in pieces.
        "citations": [{"text": "script:x here", "span": span("script:x here"), "kind": "numeric",
                       "authors": [], "et_al": False, "year": None, "label": "<i>L</i>",
                       "id": None, "key": 'k"onclick="x'}],
    }
    path = directory / "hostile-citex.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path, abstract


# Appended to a page: applies filters as a person would, on the page's own
# controls, before --dump-dom reads the DOM (a small page is filtered at
# once, in the change event).
FILTER_SCRIPT = """<script>
document.addEventListener('DOMContentLoaded', () => {
  const set = (el, value, type) => { el[type === 'check' ? 'checked' : 'value'] = value;
                                     el.dispatchEvent(new Event('change')); };
  set(document.querySelector('#filters select[name=kind]'), %s, 'value');
  set(document.querySelector('#search'), %s, 'value');
});
</script>
"""


def check_filters(browser, out_dir, records, errors):
    """Kind `link:github` and a title search hide exactly the papers they
    should, dim the marks that do not match, and say how many are shown."""
    page = out_dir / "daily-papers.txt.html"
    cases = [("link:github", ""), ("", "model"), ("link:github", "instruct")]
    for kind, query in cases:
        filtered = out_dir / "daily-papers.filtered.html"
        filtered.write_bytes(page.read_bytes() + (FILTER_SCRIPT % (json.dumps(kind),
                                                                   json.dumps(query))).encode())
        dom = parse(chromium(browser, ["--dump-dom"], filtered))
        want_shown = set()
        for record in records:
            github = any(link["kind"] == "github" for link in record["links"])
            title = " ".join(record["title"].split()).lower()
            if (not kind or github) and query in title:
                want_shown.add(f"paper-{record['index']}")
        shown = {pid for pid, paper in dom.papers.items() if "out" not in paper["class"]}
        name = f"filter kind={kind!r} title={query!r}"
        if shown != want_shown:
            errors.append(f"{name}: shown {sorted(shown - want_shown)} too many, "
                          f"{sorted(want_shown - shown)} missing")
        if not want_shown or len(want_shown) == len(records):
            errors.append(f"{name}: the case filters nothing or everything")
        for pid, paper in dom.papers.items():
            for mark in paper["marks"]:
                dim = "dim" in mark["attrs"].get("class", "").split()
                want_dim = bool(kind) and mark["attrs"]["data-kind"] != "github"
                if dim != want_dim:
                    errors.append(f"{name}: {pid} mark {mark['attrs']['data-kind']} dim={dim}")
        if dom.shown != f"{len(want_shown)} of {len(records)} papers":
            errors.append(f"{name}: the page says {dom.shown!r}")


def run_citex(citex, args):
    result = subprocess.run([citex, *args], cwd=ROOT, capture_output=True)
    if result.returncode > 1:
        raise AssertionError(f"citex {' '.join(args)}: {result.stderr.decode()}")
    return result.stdout


def check_sample(citex, browser, out_dir, input_path, extra, errors):
    name = input_path.name
    input_path = os.path.relpath(input_path, ROOT)  # as the page shows it
    records = [json.loads(line) for line in
               run_citex(citex, [*extra, "-f", "jsonl", input_path]).decode().splitlines()]
    page = out_dir / f"{name}.html"
    page.write_bytes(run_citex(citex, [*extra, "-f", "html", input_path]))
    dom = parse(chromium(browser, ["--dump-dom"], page))
    counts = check_marks(name, records, dom, errors)
    if name.startswith("hostile"):
        check_inert(name, page.read_text(encoding="utf-8"), dom, errors)
    return name, dom, counts


def main():
    citex, out_dir = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
    browser = find_chromium()
    if browser is None:
        print("chromium is not installed (Debian package chromium)", file=sys.stderr)
        return 1 if "CI" in os.environ else 77  # as tests/support.h UnderCi()
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.suffix != ".md")
    citex_input, citex_abstract = hostile_citex_records(out_dir)
    jobs = [(p, []) for p in samples] + [(citex_input, ["-i", "citex"])]
    errors = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: check_sample(citex, browser, out_dir, *job, errors),
                                jobs))
    for name, dom, (papers, findings) in results:
        print(f"{name}: {papers} papers, {findings} findings marked")
    # The hostile inputs' text is all there, as text.
    hostile = [json.loads(line) for line in
               (ROOT / "samples" / "hostile-input.jsonl").read_text(encoding="utf-8").splitlines()]
    doms = {name: dom for name, dom, _ in results}
    for i, record in enumerate(hostile):
        shown = doms["hostile-input.jsonl"].papers[f"paper-{i}"]["abstract"]
        if shown != record["abstract"]:
            errors.append(f"hostile-input.jsonl: abstract {i} shown as {shown!r}")
    if doms[citex_input.name].papers["paper-0"]["abstract"] != citex_abstract:
        errors.append("hostile-citex.jsonl: abstract changed")
    findings = {name: counts[1] for name, _, counts in results}
    if findings.get("daily-papers.txt") != 29:
        errors.append(f"daily-papers.txt: {findings.get('daily-papers.txt')} findings, not 29")
    daily = [json.loads(line) for line in
             run_citex(citex, ["-f", "jsonl", "samples/daily-papers.txt"]).decode().splitlines()]
    check_filters(browser, out_dir, daily, errors)
    screenshot = out_dir / "daily-papers.png"
    chromium(browser, ["--hide-scrollbars", "--window-size=1280,2400",
                       "--screenshot=" + str(screenshot)], out_dir / "daily-papers.txt.html")
    if not screenshot.read_bytes().startswith(b"\x89PNG"):
        errors.append(f"no screenshot at {screenshot}")
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
