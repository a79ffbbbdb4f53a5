"""The articles of a ``seed_bench`` run, planned in memory from one RNG: what each says,
where and when it was published, who wrote it, its tags, picks and trail, and what
``Article.save()`` would derive for it. Nothing here touches the database (``writing``
does); the same seed on the same cast plans the same articles."""

import functools
import re
from bisect import bisect_right
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import timedelta
from itertools import accumulate, islice

from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from articles.publishing import Step
from articles.text import search_fold

from .cast import JOURNALISTS
from .words import PLACES, SENTENCES, SUBJECTS

# Share of articles per section slug (sections not named here weigh 5).
SECTION_WEIGHTS = {"thoi-su": 25, "kinh-te": 12, "thi-truong": 8, "xa-hoi": 14, "giao-duc": 8}
# Newsroom hours (local time): busy mornings and afternoons, quiet nights.
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 5, 8, 10, 10, 9, 8, 6, 7, 9, 9, 8, 7, 6, 6, 5, 4, 3, 2]
BATCH = 5000
YEARS = 5
SCHEDULED_EVERY = 200  # one article in 200 is scheduled in the next 30 days
UNPUBLISHED_EVERY = 500  # one in 500 is a draft, submitted or returned
SENTENCE_END = re.compile(r"(?<=\. )")
Status = Article.Status
UNPUBLISHED = [Status.DRAFT] * 5 + [Status.SUBMITTED] * 3 + [Status.RETURNED] * 2


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

    def __init__(self, rng, total, start, now, cast):
        self.rng, self.total, self.start, self.now = rng, total, start, now
        self.scheduled = total // SCHEDULED_EVERY
        self.unpublished = total // UNPUBLISHED_EVERY
        self.live = total - self.scheduled - self.unpublished
        self.authors = [u.pk for u in cast.authors]
        self.author_weights = list(accumulate(1 / (k + 1) ** 0.5 for k in range(JOURNALISTS)))
        self.sections = list(cast.sections.values())
        self.section_weights = list(
            accumulate(SECTION_WEIGHTS.get(s.slug, 5) for s in self.sections)
        )
        self.photos = cast.photos
        self.tags = [t.pk for t in cast.tags]
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
