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

import functools
import io
import random
import re
import sys
from array import array
from bisect import bisect_right
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from itertools import accumulate, islice, product

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from tqdm import tqdm

from articles import pagecache, publishing, related, richtext
from articles.demo import content, drawing
from articles.demo.sections import ensure_sections
from articles.models import Article, Photo, RelatedArticle, StateChange, Tag, TaggedArticle
from articles.publishing import Step
from articles.search_index import article_search_vector
from articles.text import search_fold

PLACES = [
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Nội", "Huế", "Quảng Ninh", "Nghệ An", "Cà Mau",
    "Đồng Tháp", "Bình Định", "Khánh Hoà", "Lâm Đồng", "Thanh Hoá", "Sóc Trăng", "Ninh Bình",
    "Lào Cai", "Hà Giang", "Bắc Ninh", "Nam Định", "Quảng Nam", "Quảng Ngãi", "Phú Yên",
    "Gia Lai", "Đắk Lắk", "Bình Dương", "Đồng Nai", "An Giang", "Kiên Giang", "Bến Tre",
    "TP.HCM",
]  # fmt: skip
SUBJECTS = [
    "mở rộng cảng biển", "chuẩn bị mùa mưa bão", "khai trương chợ nông sản",
    "xây thêm trường học", "phát triển khu công nghiệp xanh", "tổ chức lễ hội mùa thu",
    "đăng cai giải chạy ven biển", "trồng rừng ngập mặn", "nâng cấp đường ven sông",
    "thu hút du khách quốc tế", "đưa đặc sản lên sàn trực tuyến", "mở lớp học bơi cho trẻ em",
    "khởi công bệnh viện mới", "thí điểm xe buýt điện", "số hoá thủ tục hành chính",
    "hỗ trợ ngư dân bám biển", "phục dựng làng nghề truyền thống", "tuyển sinh lớp 10",
]  # fmt: skip
SENTENCES = [
    "Chính quyền địa phương cho biết kế hoạch được chuẩn bị từ đầu năm.",
    "Người dân đánh giá cao cách làm mới, nhưng mong thủ tục được rút gọn hơn.",
    "Nhiều doanh nghiệp đã đăng ký tham gia ngay trong tuần đầu tiên.",
    "Ngành chức năng sẽ theo dõi, đánh giá kết quả sau sáu tháng thực hiện.",
    "Kinh phí được huy động từ ngân sách và đóng góp của cộng đồng.",
    "Các chuyên gia khuyến nghị cần đồng bộ hạ tầng trước khi nhân rộng mô hình.",
    "Học sinh, sinh viên tình nguyện tham gia hỗ trợ trong suốt chương trình.",
    "Dự kiến công trình hoàn thành trước mùa mưa năm sau.",
    "Theo số liệu của sở, sản lượng tăng gần 12% so với cùng kỳ năm ngoái.",
    "Một số hộ dân kiến nghị làm rõ phương án bồi thường, giải phóng mặt bằng.",
    "Đoàn công tác đã kiểm tra thực địa và yêu cầu đẩy nhanh tiến độ.",
    "Đại diện nhà đầu tư cam kết ưu tiên tuyển dụng lao động địa phương.",
]
TOPICS = [
    "chuyển đổi xanh", "cảng biển", "du lịch", "giáo dục", "phòng chống thiên tai",
    "nông sản", "lễ hội", "thể thao", "giao thông", "môi trường", "đầu tư", "cộng đồng",
    "y tế", "bất động sản", "xuất khẩu", "năng lượng tái tạo", "khởi nghiệp", "chuyển đổi số",
    "an toàn thực phẩm", "biến đổi khí hậu", "di sản", "làng nghề", "bóng đá", "thời tiết",
]  # fmt: skip
# Topics, then places, then "topic place": the order is the popularity rank (Zipf).
TAGS = (TOPICS + PLACES + [f"{t} {p}" for t, p in product(TOPICS, PLACES)])[:300]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN_NAMES = [
    ("Thu", "Hà"), ("Minh", "Đức"), ("Quốc", "Khánh"), ("Ngọc", "Hân"), ("Thanh", "Tùng"),
    ("Hải", "Yến"), ("Văn", "Long"), ("Phương", "Thảo"), ("Đức", "Anh"), ("Bảo", "Ngọc"),
]  # fmt: skip
PHOTO_SCENES = ["port", "city", "fields", "river", "festival", "industrial"]
# Share of articles per section slug (sections not named here weigh 5).
SECTION_WEIGHTS = {"thoi-su": 25, "kinh-te": 12, "thi-truong": 8, "xa-hoi": 14, "giao-duc": 8}
# Newsroom hours (local time): busy mornings and afternoons, quiet nights.
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 5, 8, 10, 10, 9, 8, 6, 7, 9, 9, 8, 7, 6, 6, 5, 4, 3, 2]
JOURNALISTS = 20
BATCH = 5000
YEARS = 5
SCHEDULED_EVERY = 200  # one article in 200 is scheduled in the next 30 days
UNPUBLISHED_EVERY = 500  # one in 500 is a draft, submitted or returned
COPY_ESCAPES = [("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")]
SENTENCE_END = re.compile(r"(?<=\. )")
STAGING = "seed_bench_articles"  # a temporary table, one per connection
Status = Article.Status
UNPUBLISHED = [Status.DRAFT] * 5 + [Status.SUBMITTED] * 3 + [Status.RETURNED] * 2
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


class Command(BaseCommand):
    help = (
        "Tạo nhanh N bài viết thử tải (chuyên mục, thẻ, tác giả, ảnh, bài liên quan, "
        "5 năm xuất bản), thêm vào dữ liệu đang có, cho các bài đo trong bench/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="Số bài viết cần tạo.")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên.")

    def handle(self, *args, articles, seed, **options):
        if articles < 1:
            raise CommandError("Số bài viết phải lớn hơn 0.")
        with transaction.atomic():
            self.authors = self.journalists()
            self.sections = ensure_sections()
            self.photos = self.ensure_photos(self.authors[0])
            self.tags = [self.tag(name) for name in TAGS]
            start = Article.objects.count()
        self.pks = array("q")  # position in this run → article id
        self.postgres = connection.vendor == "postgresql"
        plan = Plan(random.Random(seed), articles, start, timezone.now(), self)
        progress = tqdm(
            total=articles,
            desc="Bài viết",
            unit=" bài",
            file=options.get("stderr", sys.stderr),
            disable=None,  # shown on a terminal only
        )
        with ThreadPoolExecutor(max_workers=1) as builder, progress:
            # The next batch is built (Python) while this one is written (the database).
            batches = plan.batches()
            upcoming = builder.submit(next, batches, None)
            while (batch := upcoming.result()) is not None:
                upcoming = builder.submit(next, batches, None)
                with transaction.atomic():
                    self.write(batch)
                progress.update(len(batch))
        # "Xem thêm" as publishing stores it, for the whole archive at once.
        with tqdm(
            total=Article.objects.filter(status=Status.PUBLISHED).count(),
            desc="Xem thêm",
            unit=" bài",
            file=options.get("stderr", sys.stderr),
            disable=None,
        ) as progress:
            related.refresh_all(progress=progress.update)
        if self.postgres:
            with connection.cursor() as cursor:
                # VACUUM cannot run in a transaction (a test's, say): ANALYZE alone there.
                in_transaction = connection.in_atomic_block
                cursor.execute("ANALYZE" if in_transaction else "VACUUM (ANALYZE)")
        pagecache.bump()
        self.stdout.write(
            f"Đã tạo {articles} bài viết thử tải ({plan.scheduled} hẹn giờ, "
            f"{plan.unpublished} chưa xuất bản)."
        )

    def journalists(self):
        User = get_user_model()
        group = Group.objects.get(name=content.JOURNALIST_GROUP)
        users = []
        for number in range(JOURNALISTS):
            username = f"phongvien-bench-{number + 1:02}"
            user = User.objects.filter(username=username).first()
            if user is None:
                middle, given = GIVEN_NAMES[number % len(GIVEN_NAMES)]
                surname = SURNAMES[(number * 3) % len(SURNAMES)]
                user = User(
                    username=username,
                    first_name=given,
                    last_name=f"{surname} {middle}",
                    email=f"{username}@toasoan.example",
                    is_staff=True,
                )
                user.set_unusable_password()
                user.full_clean()
                user.save()
                user.groups.add(group)
            users.append(user)
        return users

    def ensure_photos(self, author):
        photos = list(Photo.objects.exclude(credit="").order_by("pk")[:6])
        for number in range(len(photos), 6):
            photo = Photo(
                image=ContentFile(
                    drawing.draw(PHOTO_SCENES[number], seed=100 + number, label=PLACES[number]),
                    name=f"bench-{number}.jpg",
                ),
                caption=f"Ảnh minh hoạ thử tải số {number + 1}, {PLACES[number]}.",
                credit="Hoàng Tùng",
            )
            photo.uploaded_by = author
            photo.full_clean()
            photo.save()
            photos.append(photo)
        return photos

    def tag(self, name):
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag(name=name)
            tag.save()
        return tag

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


@dataclass(slots=True)
class Planned:
    article: Article
    authors: list[int]  # user ids
    tags: list[int]  # tag ids
    related: list[int]  # positions in the run of earlier live articles, in order
    trail: list[Step]  # what publishing.create_many moves the article through


class Plan:
    """The articles of one run, in publication order, built batch by batch from one RNG.

    Positions 0… are live, spread over the last ``YEARS`` years; then the scheduled ones;
    then the unpublished ones. Picks (``related``) are positions of earlier live articles.
    """

    def __init__(self, rng, total, start, now, command):
        self.rng, self.total, self.start, self.now = rng, total, start, now
        self.scheduled = total // SCHEDULED_EVERY
        self.unpublished = total // UNPUBLISHED_EVERY
        self.live = total - self.scheduled - self.unpublished
        self.authors = [u.pk for u in command.authors]
        self.author_weights = list(accumulate(1 / (k + 1) ** 0.5 for k in range(JOURNALISTS)))
        self.sections = list(command.sections.values())
        self.section_weights = list(
            accumulate(SECTION_WEIGHTS.get(s.slug, 5) for s in self.sections)
        )
        self.photos = command.photos
        self.tags = [t.pk for t in command.tags]
        self.tag_weights = list(accumulate(1 / (k + 1) for k in range(len(self.tags))))
        self.recent = defaultdict(lambda: deque(maxlen=300))  # section id → live positions

    def batches(self):
        times, positions = self.times(), iter(range(self.total))
        first = True
        while batch := [self.planned(p, next(times)) for p in islice(positions, BATCH)]:
            if first:  # passes full_clean(); the later batches are made the same way
                for planned in batch:  # (foreign keys left out: rows just read, a query each)
                    planned.article.full_clean(exclude=["section", "lead_photo", "created_by"])
                first = False
            yield batch

    def times(self):
        """Publication times: live (past, growing), scheduled (next 30 days), then None."""
        now = self.now
        years_ago = timezone.localtime(now - timedelta(days=365 * YEARS)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        yield from spread(self.rng, years_ago, now - timedelta(minutes=1), self.live)
        soon = now + timedelta(minutes=10)
        yield from spread(self.rng, soon, now + timedelta(days=30), self.scheduled)
        while True:
            yield None

    def planned(self, position, published_at):
        rng, number = self.rng, self.start + position + 1
        place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
        section = rng.choices(self.sections, cum_weights=self.section_weights)[0]
        chosen = rng.sample(self.photos, rng.randint(1, 2))
        paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(4, 6))]
        paragraphs[-1] += f" (Bài thử tải số {number}.)"
        blocks = [f"<p>{escape(text)}</p>" for text in paragraphs]
        for index, photo in zip((1, 3), chosen, strict=False):
            blocks.insert(
                index, f'<figure class="news-photo" data-photo-id="{photo.pk}"></figure>'
            )
        article = Article(
            title=f"{place} {subject}, bài số {number}",
            location=place,
            sapo=f"{place} {subject}: {rng.choice(SENTENCES).lower()}",
            body="".join(blocks),
            section=section,
            lead_photo=chosen[0],
            created_by_id=self.authors[0],
        )
        if published_at is None:  # a draft, submitted or returned, of the last two weeks
            status = rng.choice(UNPUBLISHED)
            article.created_at = self.now - timedelta(minutes=rng.randint(5, 14 * 24 * 60))
        else:
            status = Status.PUBLISHED
            if published_at < self.now:
                article.created_at = published_at - timedelta(minutes=rng.randint(15, 8 * 60))
            else:  # scheduled, in the last three days
                article.created_at = self.now - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
        is_live = published_at is not None and published_at < self.now
        last_step = published_at if is_live else article.created_at
        article.updated_at = min(last_step + self.edited(), self.now)
        trail = self.trail(status, published_at, article)
        derive(article)
        authors = self.draw(self.authors, self.author_weights, rng.choice((1, 1, 1, 2)))
        tags = self.draw(self.tags, self.tag_weights, rng.randint(2, 4))
        recent = self.recent[section.pk]
        picks = min(len(recent), rng.choice((0, 0, 0, 1, 1, 2, 2, 3)))
        related = rng.sample(list(recent), picks) if picks else []
        if position < self.live:
            recent.append(position)
        return Planned(article, authors, tags, related, trail)

    def trail(self, status, published_at, article):
        """The steps (``publishing.Step``) that bring a new article to ``status``: published
        when it went live (a scheduled one when it was made), submitted when made, returned
        at its last edit."""
        made, edited = article.created_at, article.updated_at
        if status == Status.PUBLISHED:
            at = published_at if published_at < self.now else made
            return [Step(Status.PUBLISHED, at, published_at=published_at)]
        steps = [Step(Status.SUBMITTED, made)] if status != Status.DRAFT else []
        if status == Status.RETURNED:
            steps.append(Step(Status.RETURNED, edited))
        return steps

    def edited(self):
        """Time between the last of creation and publication, and the last edit."""
        if self.rng.random() < 0.7:
            return timedelta(0)
        return timedelta(minutes=self.rng.randint(1, 3 * 24 * 60))

    def draw(self, values, cum_weights, count):
        """``count`` different values, each drawn by its weight."""
        drawn = []
        while len(drawn) < count:
            value = self.rng.choices(values, cum_weights=cum_weights)[0]
            if value not in drawn:
                drawn.append(value)
        return drawn


def derive(article):
    """What ``Article.save()`` derives (bulk writes and ``COPY`` call no ``save()``), and
    its text checks; ``Article.photos`` and the search vector come later."""
    article.derive(fold=fold_sentences)
    article.check_text()


def fold_sentences(text):
    """``search_fold(text)``, a sentence at a time, the sentences' folds kept.

    The fold works character by character (no piece here starts with a combining mark),
    so the folds of the pieces join into the fold of the whole; the bodies repeat a few
    sentences, and folding each once saves a third of the time it takes to build an article.
    """
    return "".join(fold_once(piece) for piece in SENTENCE_END.split(text))


@functools.lru_cache(maxsize=1 << 16)
def fold_once(text):
    return search_fold(text)


def spread(rng, start, end, count):
    """``count`` growing times in [start, end), as a newsroom's hours (``HOUR_WEIGHTS``)
    spread them: the i-th falls at a random point of the i-th ``count``-quantile."""
    hours = [w * 3600 for w in HOUR_WEIGHTS]
    before = [0, *accumulate(hours)]  # weight of a day up to each hour
    midnight = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0)

    def weight(moment):  # of [midnight, moment)
        days, seconds = divmod((moment - midnight).total_seconds(), 86400)
        hour = int(seconds // 3600)
        return days * before[-1] + before[hour] + HOUR_WEIGHTS[hour] * (seconds - hour * 3600)

    low, high = weight(start), weight(end)
    for i in range(count):
        days, rest = divmod(low + (high - low) * (i + rng.random()) / count, before[-1])
        hour = bisect_right(before, rest) - 1
        seconds = days * 86400 + hour * 3600 + (rest - before[hour]) / HOUR_WEIGHTS[hour]
        yield midnight + timedelta(seconds=seconds)
