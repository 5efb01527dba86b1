#!/usr/bin/env python3
"""--library at scale (issue 16): load time and peak RSS for a synthetic library in the arXiv
metadata snapshot's format (JSON Lines), and the cost of resolution per abstract.

  /usr/bin/python3 bench/library_bench.py [--citex build/citex] [--size-mb 1024]
                                          [--library ../shared/eval/resolve/libraries/combined.bib]

1. Writes SIZE MB of snapshot-format records (ids, authors, titles, abstracts of the usual
   lengths; nothing of it is committed) to a temporary file and runs `citex --library FILE`
   on one short abstract: wall time and peak RSS (getrusage of the child), against the same
   run without --library.
2. Runs `citex -j1` over about 20 MB of abstracts, with and without `--library LIBRARY` (the
   4,626-entry combined library of the evaluation set): the ratio of the two times, medians of
   alternating rounds, is the cost of resolution (load included). Twice: the evaluation
   paragraphs (dense with callouts, a worst case) and the bundled arXiv abstracts.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument('--citex', default='build/citex')
ap.add_argument('--size-mb', type=int, default=1024)
ap.add_argument('--library', default='../shared/eval/resolve/libraries/combined.bib')
ap.add_argument('--paragraphs', default='../shared/eval/resolve/paragraphs.jsonl')
ap.add_argument('--rounds', type=int, default=5)
args = ap.parse_args()
tmp = tempfile.mkdtemp(prefix='citex-library-bench-')


def run(cmd, stdin_path=None):
    """Wall seconds and peak RSS (MB) of one child run (its own rusage, from wait4)."""
    t = time.perf_counter()
    with open(stdin_path or os.devnull, 'rb') as fin:
        child = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f'{" ".join(cmd)}: exit {code}')
    return wall, usage.ru_maxrss / 1024


rng = random.Random(16)
SURNAMES = [''.join(rng.choice('bcdfghjklmnprstvwz') + rng.choice('aeiou') for _ in range(rng.randint(2, 4))).title()
            for _ in range(50000)]
WORDS = [''.join(rng.choice('bcdfghjklmnprstvwz') + rng.choice('aeiou') for _ in range(rng.randint(1, 4)))
         for _ in range(20000)]


def record(i):
    yy, mm = 7 + i % 18, 1 + i % 12
    authors = ', '.join(f'{rng.choice("ABCDEFGHJKLMNPRST")}. {rng.choice(SURNAMES)}' for _ in range(rng.randint(1, 8)))
    title = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize()
    abstract = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(90, 220))) + '.'
    return {'id': f'{yy:02d}{mm:02d}.{i % 100000:05d}', 'submitter': rng.choice(SURNAMES), 'authors': authors,
            'title': title, 'comments': '12 pages', 'journal-ref': None,
            'doi': f'10.1000/{i}' if i % 3 == 0 else None, 'categories': 'cs.CL', 'abstract': abstract,
            'versions': [{'version': 'v1', 'created': 'Mon, 2 Apr 2007 19:18:42 GMT'}]}


big = os.path.join(tmp, 'snapshot.jsonl')
t = time.perf_counter()
n = 0
with open(big, 'w', encoding='utf-8') as f:
    while f.tell() < args.size_mb * 1024 * 1024:
        f.write(json.dumps(record(n)) + '\n')
        n += 1
size_mb = os.path.getsize(big) / 1024 / 1024
print(f'wrote {n} records, {size_mb:.0f} MB in {time.perf_counter() - t:.0f} s', flush=True)

one = os.path.join(tmp, 'one.txt')
with open(one, 'w') as f:
    f.write('We build on LoRA (Hu et al., 2021) and Wang et al. (2023); code at https://github.com/a/b.\n')

def resolution_cost(name, texts):
    corpus = os.path.join(tmp, 'corpus.jsonl')
    with open(corpus, 'w', encoding='utf-8') as f:
        k = 0
        while f.tell() < 20 * 1024 * 1024:
            for text in texts:
                f.write(json.dumps({'id': f'{k}', 'title': '', 'abstract': text}, ensure_ascii=False) + '\n')
                k += 1
    plain, resolved = [], []
    for _ in range(args.rounds):
        plain.append(run([args.citex, '-j', '1', '--no-progress', '-f', 'jsonl', corpus])[0])
        resolved.append(run([args.citex, '-j', '1', '--no-progress', '-f', 'jsonl', '--library', args.library,
                             corpus])[0])
    p, r = statistics.median(plain), statistics.median(resolved)
    print(f'resolution, {name}: {k} abstracts, -j1 {p:.2f} s without --library, {r:.2f} s with '
          f'{os.path.basename(args.library)}: x{r / p:.3f} ({(r - p) / k * 1e6:.1f} us per abstract)', flush=True)


resolution_cost('eval paragraphs (2.7 callouts each)',
                [json.loads(l)['text'] for l in open(args.paragraphs, encoding='utf-8')])
resolution_cost('arXiv abstracts (samples/arxiv-snapshot.jsonl)',
                [json.loads(l)['abstract'] for l in open('samples/arxiv-snapshot.jsonl', encoding='utf-8')])

base_wall, base_rss = run([args.citex, '--no-progress', one])
wall, rss = run([args.citex, '--no-progress', '--library', big, one])
print(f'library load: {size_mb:.0f} MB, {n} entries: {wall:.1f} s ({size_mb / wall:.0f} MB/s), '
      f'peak RSS {rss:.0f} MB ({rss / size_mb:.2f} x the file); without --library {base_wall:.2f} s, '
      f'{base_rss:.0f} MB')
shutil.rmtree(tmp)
