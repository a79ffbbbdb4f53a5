"""The article changelist's paginator: no ``COUNT(*)`` over the archive (issue #9).

Up to ``EXACT_UP_TO`` matching rows are counted exactly, through a count bounded by a
``LIMIT``; past that, PostgreSQL's planner estimate for the same query stands in (the
changelist then says "about"). The list itself is read with ``LIMIT``/``OFFSET`` as usual,
so it offers at most ``MAX_PAGES`` pages: the rows an ``OFFSET`` skips are still read, and
the last of 10,000 pages read a million (bench/README.md). Older articles are a filter or a
search away; a page past the last one offered redirects to ``?e=1``, as any bad parameter.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_UP_TO = 1000
MAX_PAGES = 100


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self):
        queryset = self.object_list
        bounded = queryset.order_by()[: EXACT_UP_TO + 1].count()  # any rows: no sort
        if bounded <= EXACT_UP_TO:
            return bounded
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return queryset.count()  # SQLite: a laptop's database, counted exactly
        sql, params = queryset.order_by().query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return max(int(plan[0]["Plan"]["Plan Rows"]), bounded)

    @cached_property
    def num_pages(self):
        return min(super().num_pages, MAX_PAGES)
