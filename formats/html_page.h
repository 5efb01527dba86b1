// The inline style and script of `-f html` (formats/html.cc). Kept apart
// from the writer so that the page's look and behaviour read as CSS and JS.
//
// The page must stay responsive with 100,000 papers: a filter changes only
// the papers and marks whose state it changes, in slices, those on screen
// first; `content-visibility: auto` on
// chunks of papers leaves those off screen unstyled and unrendered. What a
// filter hides gets class `out` (no size, content skipped), not display:none
// nor `hidden`: in Chromium 156 on a 100,000-paper page, display:none on ten
// chunks cost about 450 ms of style update, the class about 10 ms
// (bench/html_filter_bench.py). The CSS is never changed by script either:
// inserting even an unused rule restyles the whole page (about 230 ms).
#pragma once

#include <string_view>

namespace citex::html {

constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1d1f23;--muted:#5d6470;--line:#d9dce1;
--card:#fff;--accent:#2553b8;--code:#1f5fd1;--model:#8a3ffc;--dataset:#197a3c;--demo:#b5480b;
--page:#0f7c86;--paper:#6b6f76;--package:#9a6700;--other:#6b6f76;--cite:#a3570b}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e4e6ea;--muted:#9aa1ab;
--line:#2f333a;--card:#1c1f24;--accent:#8fb1ff;--code:#7fb0ff;--model:#c6a3ff;--dataset:#6fd68f;
--demo:#ffab70;--page:#5fd4de;--paper:#a8adb5;--package:#e3b341;--other:#a8adb5;--cite:#f0b45a}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;z-index:9;background:var(--card)}
header{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);
padding:.7rem 1.5rem}
header h1{font-size:1.15rem;margin:0 1rem 0 0;display:inline-block}
#summary-link{font-size:.9rem}
.js #summary-link{display:none}
#filters{display:none;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-top:.5rem;font-size:.85rem}
.js #filters{display:flex}
#filters label{display:flex;flex-direction:column;color:var(--muted)}
#filters label.check{flex-direction:row;gap:.35rem;align-items:center}
#filters select,#filters input[type=search]{font:inherit;color:var(--fg);background:var(--card);
border:1px solid var(--line);border-radius:6px;padding:.25rem .4rem;min-width:8rem}
#filters input[type=search]{min-width:16rem}
#shown{color:var(--muted);align-self:center}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 500rem}
.paper{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:1rem 1.25rem;margin:0 0 1rem;content-visibility:auto;contain-intrinsic-size:auto 18rem}
.paper h2{font-size:1.1rem;line-height:1.35;margin:0 0 .25rem}
.paper h2 a{color:inherit;text-decoration-color:var(--line)}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 .6rem}
.abstract{margin:0 0 .6rem}
.paper[data-findings="0"]{padding:.7rem 1.25rem;contain-intrinsic-size:auto 7rem}
.paper[data-findings="0"] .meta{margin-bottom:.35rem}
.tools .abstract{font-size:1rem;margin:.4rem 0 0}
.f{border-radius:3px;padding:0 .1em;text-decoration:none;color:inherit;
background:color-mix(in srgb,var(--c) 14%,transparent);border-bottom:2px solid var(--c)}
a.f:hover{background:color-mix(in srgb,var(--c) 28%,transparent)}
.f .f{background:color-mix(in srgb,var(--c) 24%,transparent)}
.f.dim{opacity:.35}
.paper.out,.chunk.out{content-visibility:hidden;contain-intrinsic-size:0 0;height:0;
margin:0;padding:0;border:0;overflow:hidden}
.l{--c:var(--other)}
.l[data-category=code]{--c:var(--code)}.l[data-category=model]{--c:var(--model)}
.l[data-category=dataset]{--c:var(--dataset)}.l[data-category=demo]{--c:var(--demo)}
.l[data-category=page]{--c:var(--page)}.l[data-category=paper]{--c:var(--paper)}
.l[data-category=package],.l[data-category=notebook]{--c:var(--package)}
.c{--c:var(--cite);border-bottom-style:dotted}
.l{--st:"";--ro:""}
.l[data-status=released]{--st:"released"}.l[data-status=coming_soon]{--st:"coming soon"}
.l[data-role=own]{--ro:"own"}.l[data-role=third_party]{--ro:"third-party"}
.l::after{content:var(--st) " " var(--ro);font-size:.68em;font-weight:600;letter-spacing:.02em;
text-transform:uppercase;vertical-align:.15em;margin-left:.3em;padding:0 .35em;border-radius:4px;
color:var(--c);border:1px solid color-mix(in srgb,var(--c) 45%,transparent);white-space:nowrap}
.l[data-status=unknown][data-role=unknown]::after,.l.cut::after{content:none}
.l[data-status=coming_soon]::after{border-style:dashed}
.tools{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;font-size:.85rem}
.tools details[open]{flex:1 1 100%;order:1}
.tools summary{cursor:pointer;color:var(--muted)}
.tools pre{font-size:.8rem;overflow:auto;background:var(--bg);border:1px solid var(--line);
border-radius:6px;padding:.5rem;margin:.3rem 0 0;white-space:pre-wrap;word-break:break-all}
.tools button{display:none;font:inherit;color:var(--fg);background:var(--bg);cursor:pointer;
border:1px solid var(--line);border-radius:6px;padding:.15rem .6rem}
.js .tools button{display:inline-block}
.tools button:hover{border-color:var(--accent)}
#summary{max-width:60rem;margin:0 auto;padding:0 1.5rem 2rem}
header #summary{margin:.4rem 0 0;padding:0;max-width:none}
header #summary h2{display:none}
.counts{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0;font-size:.85rem}
.counts div{display:flex;gap:.35rem;flex-wrap:wrap}
.counts dt{color:var(--muted)}.counts dd{margin:0}
.counts ul{display:inline;margin:0;padding:0;list-style:none}
.counts li{display:inline}.counts li+li::before{content:", "}
.counts b{font-variant-numeric:tabular-nums}
[data-facet=category] li{--c:var(--other)}
[data-facet=category] [data-value=code]{--c:var(--code)}
[data-facet=category] [data-value=model]{--c:var(--model)}
[data-facet=category] [data-value=dataset]{--c:var(--dataset)}
[data-facet=category] [data-value=demo]{--c:var(--demo)}
[data-facet=category] [data-value=page]{--c:var(--page)}
[data-facet=category] [data-value=paper]{--c:var(--paper)}
[data-facet=category] li b::before{content:"";display:inline-block;width:.7em;height:.7em;
border-radius:2px;background:var(--c);margin-right:.3em}
@media print{header{position:static}#filters,.tools,.skip{display:none!important}
.chunk,.paper{content-visibility:visible}.paper{break-inside:avoid;border-color:#999}
body{background:#fff;color:#000;font-size:11pt}}
)css";

// Filters. The options come from the summary's counts, so every kind and
// category of the run is offered and none that does not occur. A change
// sets class `out` on the papers (and chunks) it hides and class `dim` on
// the marks it does not match, only where they change: first the chunks on
// screen, then the rest in slices of 40 ms, so that the page answers
// between them however many papers it has (a new change drops what is
// left of the last). What each paper holds is read from the DOM once, a
// chunk at a time, while the page is idle after loading (or when a filter
// needs it first).
constexpr std::string_view kScript = R"js(
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', () => {
  const $ = (s, r = document) => r.querySelector(s);
  const summary = $('#summary');
  if (summary) $('header').append(summary);
  const selects = [...document.querySelectorAll('#filters select')];
  for (const select of selects) {
    for (const li of document.querySelectorAll(`#summary [data-facet=${select.name}] li`)) {
      const item = li.parentNode.dataset.item;
      const option = new Option(`${li.dataset.value} (${li.querySelector('b').textContent})`,
                                item ? `${item}:${li.dataset.value}` : li.dataset.value);
      (item ? select.querySelector(`optgroup[label=${item}s]`) : select).append(option);
    }
  }
  const search = $('#search'), only = $('#only'), shown = $('#shown');
  const chunks = [...document.querySelectorAll('#papers > .chunk')].map(el => ({el, papers: null, hidden: false}));
  const facets = ['item', 'kind', 'category', 'status', 'role'];
  const read = chunk => {
    chunk.papers = [];
    for (const el of chunk.el.children) {
      const marks = [];
      for (const m of el.getElementsByClassName('f')) {
        marks.push({el: m, dim: false, values: facets.map(f => m.getAttribute('data-' + f))});
      }
      chunk.papers.push({el, hidden: false, marks, findings: el.getAttribute('data-findings') !== '0',
                         title: (el.getAttribute('data-title') || '').toLowerCase()});
    }
  };
  // Chunks near the screen are done first.
  const near = new Set();
  const observer = new IntersectionObserver(entries => {
    for (const e of entries) e.isIntersecting ? near.add(e.target) : near.delete(e.target);
  }, {rootMargin: '100% 0px'});
  for (const chunk of chunks) observer.observe(chunk.el);
  let filter = null, todo = [], pending = 0, count = 0;
  const update = chunk => {
    if (!chunk.papers) read(chunk);
    let visible = 0;
    for (const paper of chunk.papers) {
      let match = filter.want === null;
      for (const mark of paper.marks) {
        const hit = filter.want !== null && filter.want.every((v, i) => v === null || v === mark.values[i]);
        match = match || hit;
        const dim = filter.want !== null && !hit;
        if (mark.dim !== dim) mark.el.classList.toggle('dim', mark.dim = dim);
      }
      const hidden = !match || (filter.only && !paper.findings) ||
                     (filter.q !== '' && !paper.title.includes(filter.q));
      if (paper.hidden !== hidden) paper.el.classList.toggle('out', paper.hidden = hidden);
      if (!hidden) ++visible;
    }
    count += visible;
    if (chunk.hidden !== (visible === 0)) chunk.el.classList.toggle('out', chunk.hidden = visible === 0);
  };
  const slice = () => {
    pending = 0;
    const end = performance.now() + 40;
    while (todo.length && performance.now() < end) update(todo.pop());
    if (todo.length) {
      pending = setTimeout(slice, 0);
    } else {
      shown.textContent = `${count} of ${chunks.reduce((n, c) => n + c.papers.length, 0)} papers`;
      document.documentElement.removeAttribute('data-filtering');
    }
  };
  const apply = () => {
    const want = [null, null, null, null, null];
    for (const select of selects) {
      if (!select.value) continue;
      if (select.name === 'kind') {
        [want[0], want[1]] = select.value.split(':');
      } else {
        want[facets.indexOf(select.name)] = select.value;
      }
    }
    filter = {want: want.some(v => v !== null) ? want : null, only: only.checked,
              q: search.value.trim().toLowerCase()};
    clearTimeout(pending);
    count = 0;
    todo = chunks.filter(c => !near.has(c.el)).reverse();
    for (const chunk of chunks) if (near.has(chunk.el)) todo.push(chunk);
    document.documentElement.setAttribute('data-filtering', '');
    shown.textContent = 'filtering…';
    slice();
  };
  for (const select of selects) select.addEventListener('change', apply);
  only.addEventListener('change', apply);
  let timer = 0;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 200); });
  search.addEventListener('change', () => { clearTimeout(timer); apply(); });
  // What each paper holds is read while the page is idle, so that the
  // first filter does not wait for it.
  let unread = 0;
  const readIdle = deadline => {
    while (unread < chunks.length && (chunks[unread].papers || deadline.timeRemaining() > 2)) {
      if (!chunks[unread].papers) read(chunks[unread]);
      ++unread;
    }
    if (unread < chunks.length) idle(readIdle);
  };
  const idle = window.requestIdleCallback ||
               (f => setTimeout(() => f({timeRemaining: () => 10}), 50));
  addEventListener('load', () => idle(readIdle));
  // A filter the browser kept from the last visit (back, reload).
  if (selects.some(s => s.value) || only.checked || search.value) apply();
  document.addEventListener('click', async event => {
    const button = event.target.closest('button[data-copy]');
    if (!button) return;
    const text = $(`pre.${button.dataset.copy}`, button.closest('.paper')).textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch (e) {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => { button.textContent = button.dataset.label; }, 1500);
  });
});
)js";

}  // namespace citex::html
