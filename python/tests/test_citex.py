"""The Python module against the CLI: same records, same bytes, bad input refused."""
import json
import os
import sys
import threading

import pytest

import citex
from conftest import HF_DAILY, ROOT, SAMPLES, cli, cli_records, hf_daily_files, missing

EXAMPLE = "Code: https://github.com/a/b (Wang et al., 2023)."


def test_extract_returns_the_json_record():
    assert citex.extract(EXAMPLE) == {
        "index": 0, "id": None, "title": None, "source": {"path": "", "line": 1},
        "authors": [], "year": None, "doi": None, "categories": None, "tex": [], "key": "anon",
        "links": [{"url": "https://github.com/a/b", "text": "https://github.com/a/b",
                   "span": [6, 28], "kind": "github", "category": "code", "type": "repo",
                   "name": "a/b", "canonical": "https://github.com/a/b", "status": "released",
                   "role": "own", "expires": False}],
        "citations": [{"text": "Wang et al., 2023", "span": [30, 47], "kind": "author_year",
                       "authors": ["Wang"], "et_al": True, "year": "2023", "label": None,
                       "id": None, "key": "wang2023"}]}


def test_extract_equals_the_cli_on_one_abstract(tmp_path):
    path = tmp_path / "abstract.txt"
    path.write_text(EXAMPLE, encoding="utf-8")
    [record] = cli_records(str(path))
    mine = citex.extract(EXAMPLE)
    assert mine["source"] == {"path": "", "line": 1}
    assert {**mine, "source": record["source"]} == record


def test_extract_reads_title_and_id_as_a_json_record_does():
    record = citex.extract("See arXiv:2301.00001.", title="A  {\\'e}tude", id="2401.12345")
    assert (record["id"], record["title"], record["year"]) == ("2401.12345", "A étude", "2024")
    assert [c["id"] for c in record["citations"]] == ["2301.00001"]


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_read_equals_the_cli_on_the_samples(path):
    assert list(citex.read(path)) == cli_records(path)


def test_read_equals_the_cli_on_hf_daily():
    files = hf_daily_files()
    if not files:
        missing(HF_DAILY)
    assert len(files) >= 10
    for path in files:
        assert list(citex.read(path, threads=2)) == cli_records(path), path


def test_read_keeps_what_the_library_resolved(tmp_path):
    # Every optional field of a citation (resolved, candidates, locator) and
    # its score as the JSON shows it, read back without the library.
    found = tmp_path / "found.jsonl"
    found.write_text(cli("--library", os.path.join(ROOT, "samples", "libraries", "daily-papers.bib"),
                         "-f", "jsonl", SAMPLES[0]), encoding="utf-8")
    expected = [json.loads(line) for line in found.read_text(encoding="utf-8").splitlines()]
    records = list(citex.read(found, input="citex"))
    assert records == expected
    citations = [c for r in records for c in r["citations"]]
    assert sum("resolved" in c for c in citations) == 5
    assert sum("candidates" in c for c in citations) == 1
    assert all(isinstance(c["resolved"]["score"], float) for c in citations if "resolved" in c)


def test_records_hold_control_characters_and_non_ascii_as_the_json_does(tmp_path):
    item = {"id": "\u00e9\x00", "title": "Na\u00efve \"\u00e9tude\"\x1f\t\\",
            "abstract": "See https://github.com/\u00e9/b \U0001F600 (M\u00fcller et al., 2020)."}
    path = tmp_path / "item.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    [record] = cli_records(str(path))
    [mine] = citex.extract_many([item])
    assert mine == {**record, "source": {"path": "", "line": 1}}
    assert mine["title"] == "Na\u00efve \"\u00e9tude\"\x1f \\"  # the tab is white space


# The -f html page shows each abstract, which records do not carry.
NEEDS_ABSTRACTS = {"html"}


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_format_equals_the_cli_byte_for_byte(path, tmp_path):
    records = list(citex.read(path))
    found = tmp_path / "found.jsonl"
    found.write_text(cli("-f", "jsonl", path), encoding="utf-8")
    for name in citex.FORMATS:
        mine = citex.format(records, name)
        assert mine == cli("-i", "citex", "-f", name, str(found)), name
        if name not in NEEDS_ABSTRACTS:
            assert mine == cli("-f", name, path), name
    assert citex.format(citex.read(path), "bibtex") == cli("-f", "bibtex", path)


def test_every_format_of_the_table():
    assert citex.FORMATS == ("json", "jsonl", "csv", "bibtex", "markdown", "html")


def test_read_takes_the_input_format(tmp_path):
    path = tmp_path / "page"
    path.write_text(open(SAMPLES[1], encoding="utf-8").read(), encoding="utf-8")
    assert list(citex.read(str(path), input="jsonl")) == cli_records("-i", "jsonl", str(path))
    extracted = tmp_path / "found.jsonl"
    extracted.write_text(cli("-f", "jsonl", SAMPLES[1]), encoding="utf-8")
    assert list(citex.read(extracted, input="citex")) == cli_records("-i", "citex", str(extracted))


def arxiv_items():
    with open(SAMPLES[1], encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_extract_many_reads_dicts_as_json_lines_records():
    records = citex.extract_many(arxiv_items())
    expected = cli_records(SAMPLES[1])
    assert len(records) == 20
    for position, (mine, theirs) in enumerate(zip(records, expected)):
        assert mine["source"] == {"path": "", "line": position + 1}
        assert {**mine, "source": theirs["source"]} == theirs


def test_extract_many_keeps_order_and_keys_on_any_thread_count():
    abstracts = [item["abstract"] for item in arxiv_items()] * 40
    one = citex.extract_many(abstracts, threads=1)
    assert [r["index"] for r in one] == list(range(800))
    assert citex.extract_many(abstracts, threads=3) == one
    assert citex.extract_many(iter(abstracts)) == one
    # Keys are handed out across the run: a work cited again keeps its key.
    keys = [c["key"] for r in one for c in r["citations"]]
    assert keys[: len(keys) // 40] * 40 == keys


def test_items_made_on_the_fly_are_kept_until_the_run_ends():
    # Each str and each dict's JSON lives only as long as citex holds it.
    items = (("See https://github.com/a/r%d." % i) if i % 2 else {"abstract": "Code: https://gitlab.com/g/p%d" % i}
             for i in range(3000))
    names = [r["links"][0]["name"] for r in citex.extract_many(items, threads=2)]
    assert names == [("a/r%d" if i % 2 else "g/p%d") % i for i in range(3000)]


def test_two_python_threads_get_their_own_runs():
    abstracts = [item["abstract"] for item in arxiv_items()] * 20
    expected = citex.extract_many(abstracts, threads=1)
    results = [None] * 4

    def work(slot):
        results[slot] = citex.extract_many(abstracts, threads=2)

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_extract_many_lets_go_of_the_gil():
    # With a switch interval far longer than the run, another thread can run
    # while extract_many works only if extract_many releases the GIL.
    abstracts = [item["abstract"] for item in arxiv_items()] * 300
    inside = threading.Event()
    done = threading.Event()
    seen_inside = []

    def work():
        inside.set()
        citex.extract_many(abstracts, threads=1)
        inside.clear()
        done.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(60)
    try:
        thread = threading.Thread(target=work)
        thread.start()
        while not done.is_set():
            seen_inside.append(inside.is_set())
            done.wait(0.001)  # blocks without the GIL, so work() can finish
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert any(seen_inside)


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_records_kept_from_one_run_survive_the_next():
    # The next run's records may take the arenas freed between runs.
    abstracts = [item["abstract"] for item in arxiv_items()] * 500
    first = citex.extract_many(abstracts, threads=2)
    kept = first[::10]
    written = json.dumps(kept)
    del first
    second = citex.extract_many(abstracts, threads=2)
    assert json.dumps(kept) == written
    assert second[::10] == kept


def test_memory_of_freed_records_is_used_again_not_grown():
    # Records come from arenas on huge pages, given back or taken again as
    # records are freed: ten runs' freed records hold no more than one run's.
    abstracts = [item["abstract"] for item in arxiv_items()] * 1500
    before = resident_bytes()
    records = citex.extract_many(abstracts)
    peak = resident_bytes()
    del records
    for _ in range(9):
        records = citex.extract_many(abstracts)
        del records
    assert peak - before > 20e6  # the 30,000 records took memory
    assert resident_bytes() - before < 1.5 * (peak - before)


@pytest.mark.parametrize("items, message", [
    (["fine", 5], "item 1: expected a str or a dict, got int"),
    ([{"title": "no text"}], "item 0: record has no abstract"),
    ([{"abstract": "x", "title": 7}], 'item 0: field "title" is not a string'),
    (["ok", "ok", {"abstract": float("nan")}], "item 2: Out of range float values"),
    ([{"abstract": {1, 2}}], "item 0: Object of type set is not JSON serializable"),
    (["\ud800 lone surrogate"], "item 0: text is not valid Unicode"),
    ([b"bytes"], "item 0: expected a str or a dict, got bytes"),
])
def test_bad_items_raise_value_error_naming_the_item(items, message):
    with pytest.raises(ValueError) as error:
        citex.extract_many(items)
    assert str(error.value).startswith(message)


def test_bad_arguments_raise_value_error():
    with pytest.raises(ValueError, match="abstract must be a str, got NoneType"):
        citex.extract(None)
    with pytest.raises(ValueError, match="threads must be 0"):
        citex.extract_many(["x"], threads=-1)
    with pytest.raises(ValueError, match='unknown format "yaml"'):
        citex.format([], "yaml")
    with pytest.raises(ValueError, match='unknown input format "xml"'):
        citex.read(SAMPLES[0], input="xml")
    with pytest.raises(ValueError, match="record 0: expected a dict, got str"):
        citex.format(["not a record"], "json")
    with pytest.raises(ValueError, match='record 1: unknown value "gitlub"'):
        record = citex.extract(EXAMPLE)
        record["links"][0]["kind"] = "gitlub"
        citex.format([citex.extract(EXAMPLE), record], "csv")


def test_read_raises_at_the_first_bad_record_after_the_good_ones(tmp_path):
    lines = open(SAMPLES[1], encoding="utf-8").read().splitlines()
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines[:3] + ["{not json"] + lines[3:]) + "\n", encoding="utf-8")
    seen = []
    with pytest.raises(ValueError) as error:
        for record in citex.read(path):
            seen.append(record["id"])
    assert str(error.value).startswith("%s:4: invalid JSON" % path)
    assert seen == [json.loads(line)["id"] for line in lines[:3]]


def test_read_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(ValueError, match="%s: " % (tmp_path / "nope.jsonl")):
        list(citex.read(tmp_path / "nope.jsonl"))


def test_read_warns_about_repaired_input(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "1", "abstract": "caf\xe9 https://github.com/a/b"}\n')
    with pytest.warns(UserWarning, match="latin1.jsonl:1: invalid UTF-8 replaced"):
        [record] = citex.read(path)
    assert record["links"][0]["name"] == "a/b"


def test_a_stream_let_go_halfway_stops_cleanly(tmp_path):
    path = tmp_path / "many.jsonl"
    with open(SAMPLES[1], encoding="utf-8") as f:
        path.write_text(f.read() * 200, encoding="utf-8")  # 4000 records, many batches
    stream = citex.read(path)
    first = next(stream)
    stream.close()
    del stream
    assert first["id"] == arxiv_items()[0]["id"]
    assert sum(1 for _ in citex.read(path)) == 4000
