"""Writing a planned ``seed_bench`` run: batch by batch, each committed on its own, the
next built while this one is written; ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere;
states and trails through ``publishing.create_many``. Then the tables vacuumed and
analysed, and the page cache moved on."""

import io
from array import array
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

from articles import pagecache, publishing, richtext
from articles.models import Article, RelatedArticle, StateChange, TaggedArticle
from articles.search_index import article_search_vector

COPY_ESCAPES = [("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")]
STAGING = "seed_bench_articles"  # a temporary table, one per connection
SEED = publishing.System("seed_bench")
TRAIL_FIELDS = [
    "article",
    "from_status",
    "to_status",
    "published_at",
    "by",
    "system",
    "at",
    "note",
]


def write_all(plan, progress):
    """Every batch of ``plan``, each in its own transaction; ``progress(n)`` after each."""
    writer = Writer()
    with ThreadPoolExecutor(max_workers=1) as builder:
        # The next batch is built (Python) while this one is written (the database).
        batches = plan.batches()
        upcoming = builder.submit(next, batches, None)
        while (batch := upcoming.result()) is not None:
            upcoming = builder.submit(next, batches, None)
            with transaction.atomic():
                writer.write(batch)
            progress(len(batch))


def finish():
    """After the last batch: the statistics the planner reads and the visibility map
    index-only scans need, and readers' cached pages moved on to the new archive."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # VACUUM cannot run in a transaction (a test's, say): ANALYZE alone there.
            in_transaction = connection.in_atomic_block
            cursor.execute("ANALYZE" if in_transaction else "VACUUM (ANALYZE)")
    pagecache.bump()


class Writer:
    """Writes batches and remembers their ids: a batch's picks name earlier articles of
    the run by position."""

    def __init__(self):
        self.pks = array("q")  # position in this run → article id
        self.postgres = connection.vendor == "postgresql"

    def write(self, batch):
        """One batch: its articles with their states and trails (through publishing), then
        their authors, body photos, tags and picks."""
        articles = [planned.article for planned in batch]
        publishing.create_many(
            articles,
            [planned.trail for planned in batch],
            by=SEED,
            insert=self.insert_articles,
            insert_trail=self.insert_trail,
        )
        self.pks.extend(a.pk for a in articles)
        by_article = Article.authors.through, Article.photos.through
        self.insert(by_article[0], ["article", "user"], pairs(batch, "authors"))
        self.insert(
            by_article[1],
            ["article", "photo"],
            ((a.pk, pk) for a in articles for pk in richtext.photo_ids(a.body)),
        )
        self.insert(TaggedArticle, ["content_object", "tag"], pairs(batch, "tags"))
        self.insert(
            RelatedArticle,
            ["from_article", "to_article", "position"],
            (
                (planned.article.pk, self.pks[target], position)
                for planned in batch
                for position, target in enumerate(planned.related)
            ),
        )

    def insert_articles(self, articles):
        if self.postgres:
            self.copy_articles(articles)
            return
        # bulk_create stamps both with the time of the insert; the plan's are put back.
        stamps = [(a.created_at, a.updated_at) for a in articles]
        Article.objects.bulk_create(articles)
        for article, (created_at, updated_at) in zip(articles, stamps, strict=True):
            article.created_at, article.updated_at = created_at, updated_at
        Article.objects.bulk_update(articles, ["created_at", "updated_at"])

    def insert_trail(self, rows):
        columns = [StateChange._meta.get_field(name).attname for name in TRAIL_FIELDS]
        self.insert(StateChange, TRAIL_FIELDS, ([row[name] for name in columns] for row in rows))

    def copy_articles(self, articles):
        """Ids from the sequence, in publication order; the rows by COPY into a scratch
        table, then into the table with their search vector, the expression of
        ``update_search_vectors``. Running that afterwards would write every row twice:
        at 100,000 articles, 14% slower, a table of 568 MB instead of 376 MB, and 100,000
        dead rows for autovacuum, whose holes later rows would fill out of order."""
        table = quote(Article._meta.db_table)
        fields = [f for f in Article._meta.concrete_fields if f.name != "search_vector"]
        columns = ", ".join(quote(f.column) for f in fields)
        query = Article.objects.all().query
        vector, params = query.get_compiler(connection=connection).compile(
            article_search_vector().resolve_expression(query)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Article._meta.db_table, len(articles)],
            )
            for article, (pk,) in zip(articles, sorted(cursor.fetchall()), strict=True):
                article.pk = pk
            cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGING} (LIKE {table})")
            rows = ([getattr(a, f.attname) for f in fields] for a in articles)
            copy(cursor, STAGING, fields, rows)
            # The vector's SQL names its columns "articles_article"."…": the alias points
            # them at the scratch table (the INSERT's own table is not in the SELECT's scope).
            cursor.execute(
                f"INSERT INTO {table} ({columns}, search_vector) "
                f"SELECT {columns}, {vector} FROM {STAGING} AS {table}",
                params,
            )
            cursor.execute(f"TRUNCATE {STAGING}")

    def insert(self, model, names, rows):
        fields = [model._meta.get_field(name) for name in names]
        if self.postgres:
            with connection.cursor() as cursor:
                copy(cursor, quote(model._meta.db_table), fields, rows)
        else:
            model.objects.bulk_create(
                model(**{f.attname: value for f, value in zip(fields, row, strict=True)})
                for row in rows
            )


def pairs(batch, name):
    return ((planned.article.pk, value) for planned in batch for value in getattr(planned, name))


def quote(name):
    return connection.ops.quote_name(name)


def copy(cursor, table, fields, rows):
    """``rows`` into ``table`` with PostgreSQL's ``COPY``, in its text format."""
    data = "".join(["\t".join([copy_text(value) for value in row]) + "\n" for row in rows])
    columns = ", ".join(quote(f.column) for f in fields)
    cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", io.StringIO(data))


def copy_text(value):
    """A value as COPY's text format spells it (a quarter of the time the csv module takes)."""
    if value is None:
        return "\\N"
    if not isinstance(value, str):
        return str(value)
    for char, escaped in COPY_ESCAPES:
        if char in value:
            value = value.replace(char, escaped)
    return value
