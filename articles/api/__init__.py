"""The read API, ``/api/v1/`` (issue #13): sections, articles, one article as blocks, tags,
search, for apps and partners; OpenAPI at ``/api/v1/openapi.json``, a browsable page at
``/api/v1/docs``.

- ``site``: the ``NinjaAPI`` (django-ninja), its error answers and the docs page.
- ``endpoints``: the views, each over ``Article.objects.live()``.
- ``schemas``: the answers' shapes (pydantic), from which the OpenAPI document is made.
- ``data``: model rows as those shapes; ``blocks``: a body as blocks; ``photos``: a photo
  and its renditions.
- ``params``: parameter bounds, opaque cursors, and the page cache key's parameters.
- ``throttle``: the per-address rate limit.

Answers go through the reader page cache like the pages (``articles/pagecache.py``): the
same key rule (``params.KEY_PARAMS``), the same scopes (``pagecache.depends_on``), the same
``Cache-Control`` and ETag. Kept light: ``pagecache`` imports ``params`` at start-up.
"""
