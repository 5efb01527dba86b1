"""citex: code, model, dataset and project links and cited work from paper abstracts.

The same C++ core as the ``citex`` command: the same readers, passes,
stages and writers, so a record here is the record ``citex -f json`` writes.
Every function is module-level, so Dask or Spark can ship it to workers by
reference. Bad input raises ValueError naming the item, record or FILE:LINE.

    >>> import citex
    >>> record = citex.extract("Code: https://github.com/a/b (Wang et al., 2023).")
    >>> [link["name"] for link in record["links"]], record["citations"][0]["key"]
    (['a/b'], 'wang2023')
"""
import os
import warnings

from citex import _core

__all__ = ["extract", "extract_many", "read", "format", "FORMATS"]

#: The names ``format`` takes, as ``citex --format`` does.
FORMATS = tuple(_core.formats())


def extract(abstract, title=None, id=None):
    """Extracts one abstract; returns its record as a dict.

    The dict is the record ``citex -f json`` writes for the abstract: index,
    id, title, source, authors, year, doi, categories, links and citations
    (with their BibTeX keys). ``title`` and ``id`` are read as the fields of a
    JSON Lines record are.
    """
    if not isinstance(abstract, str):
        raise ValueError("abstract must be a str, got %s" % type(abstract).__name__)
    if title is None and id is None:
        return extract_many([abstract], threads=1)[0]
    return extract_many([{"id": id, "title": title, "abstract": abstract}], threads=1)[0]


def extract_many(items, threads=0):
    """Extracts many abstracts; returns their records as a list of dicts, in input order.

    Each item is a str (an abstract) or a dict read as one JSON Lines record
    is (``abstract`` or ``summary``, optional ``title``, ``id``, ``authors``,
    ...). The papers are extracted on ``threads`` threads (0: all cores) with
    the GIL released, then keyed in input order as one ``citex`` run keys
    them. Records number items from 0 (``index``); ``source.line`` is the
    item's 1-based position. The first bad item raises ValueError("item N: ...").
    """
    return _core.extract_many(items, threads)


def read(path, input="auto", threads=0):
    """Iterates over the records of a file, read and extracted as ``citex -i INPUT PATH`` does.

    ``input`` is one of auto, text, jsonl, json, citex. Records stream out a
    batch at a time. A bad record raises ValueError("PATH:LINE: ...") once the
    records before it have been yielded; repaired input is reported with
    warnings.warn.
    """
    return _records(_core.RecordStream(os.fspath(path), input, threads))


def _records(stream):
    while True:
        records, problems = stream.next()
        for problem in problems:
            warnings.warn(problem, stacklevel=3)
        if records is None:
            return
        yield from records


def format(records, format):
    """Writes records (dicts, as extract and read return them) in a format; returns the text.

    ``format`` is one of FORMATS. The text is what ``citex -i citex -f FORMAT``
    writes for the same records: keys are handed out afresh in order, so
    records from many shards or workers format as one run. A record that is
    not a citex record raises ValueError("record N: ...").
    """
    return _core.format(records, format)
