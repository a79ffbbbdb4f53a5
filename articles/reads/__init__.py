"""Đọc nhiều (issue #13): reads counted without a database write, and the most-read lists.

- ``beacon``: an article page's own script (``articles/static/articles/reads.js``) posts
  ``/doc/<id>/<section>/<token>`` once the page is shown. The read is counted even when
  the page came from the page cache, nginx or a CDN, because the reader's browser sends it.
  The token is an HMAC of the article and section ids made when the page was rendered, so
  only pairs our pages printed are counted (the key space is bounded with no query).
  Bots, prefetches and previews are not counted (``readers``); one address counts each
  article at most once a minute and a few dozen articles a minute.
- ``store``: the counters, Redis sorted sets of the same server as the cache: hourly ones
  for "24 giờ qua", daily ones (local dates) for "7 ngày qua" and for folding.
- ``ranking``: the top ids of each list, kept in the cache and refreshed by a beacon at
  most every ``REFRESH_SECONDS``; a page showing the list depends on its scope, which moves
  only when the ranking changed.
- ``lists``: what a page shows, resolved with one ``live()`` query.
- ``fold``: ``manage.py fold_reads`` copies daily totals into ``ArticleReads``.

Without Redis (a local-memory cache, or Redis down) nothing is counted, the beacon still
answers 204 and the lists are hidden: no made-up figures, and never a 500.
"""
