"""``manage.py seed_bench --articles N``: an archive of N realistic articles, fast (issue #9).

Made for the benchmarks in ``bench/``: a million articles on PostgreSQL in under 20 minutes.
The data stays valid: the first batch of each run passes ``full_clean()``, and every
article gets what ``Article.save()`` derives, by the same functions (NFC and cleaned text,
sanitised body, slug, folded search columns, body photos through ``Article.photos``, and
on PostgreSQL the stored search vector, by the expression ``update_search_vectors``
uses). No history rows: benchmarks don't read them. Each article's state, schedule and
trail (``StateChange``) come from ``publishing.create_many``, the system callers' bulk path
(the caller ``seed_bench``, no permission checks), by the same ``COPY``. Last, "Xem thêm"
is stored for every published article, by the rule publishing applies
(``articles.related.refresh_all``), and on PostgreSQL the tables are vacuumed and analysed
(the visibility map index-only scans need, the statistics the planner reads).

The archive looks like a newsroom's: every section and sub-section, 20 journalists
(1–2 per article), 300 tags of skewed popularity (2–4 per article), a few photos drawn
once and reused, 0–3 editor picks of earlier articles, publication times over the last
five years (busy days, quiet nights) with ids growing with them, then ~0.5% scheduled
in the next 30 days and ~0.2% never published. Batches of 5,000 are committed one by
one (an interrupted run keeps what it made; running again appends), written with
``COPY`` on PostgreSQL and ``bulk_create`` elsewhere, while the next batch is built.
The same ``--seed`` on the same database state makes the same articles; within one run
ids grow with publication time, but not across runs (a second run interleaves its own).
"""
