"""``manage.py seed_demo``: the demo newsroom (``make run`` calls it after ``migrate``).

Sections, demo logins, the hotline banner, a photo library drawn with Pillow and 36
articles in every workflow state, from ``articles.demo``. Each thing is looked up
by a stable key (username, section slug, photo caption, article title) and skipped
when it exists, so running the command again adds nothing.
"""

from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles import publishing
from articles.demo import content, drawing
from articles.demo.sections import ensure_sections
from articles.demo.stories import ARTICLES
from articles.models import Article, HotlineBanner, Photo, RelatedArticle, Section
from articles.publishing import Step

Status = Article.Status
SEED = publishing.System("seed_demo")  # the trail's "system", beside the people it credits


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu cho trang demo. Chạy lại không thêm gì."

    def handle(self, *args, **options):
        self.created = Counter()
        self.now = timezone.localtime()  # TIME_ZONE: "09:15" in the stories is local time
        with transaction.atomic():
            self.users = self.seed_users()
            self.sections = self.seed_sections()
            self.seed_banner()
            self.photos = self.seed_photos()
            new_articles = self.seed_articles()
            self.seed_related(new_articles)
            self.seed_corrections(new_articles)
        self.stdout.write(self.summary())

    def summary(self):
        c = self.created
        if not c:
            return "Dữ liệu mẫu đã có, không thêm gì."
        parts = [
            f"{c['article']} bài viết",
            f"{c['photo']} ảnh",
            f"{c['section']} chuyên mục",
            f"{c['user']} tài khoản",
        ]
        if c["banner"]:
            parts.append("hotline")
        return "Đã tạo " + ", ".join(parts) + "."

    def seed_users(self):
        User = get_user_model()
        users = {}
        for username, (password, last, first, group, is_superuser) in content.USERS.items():
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@toasoan.example",
                    is_staff=True,
                    is_superuser=is_superuser,
                )
                user.set_password(password)
                user.full_clean()
                user.save()
                if group:
                    user.groups.add(Group.objects.get(name=group))
                self.created["user"] += 1
            users[username] = user
        return users

    def seed_sections(self):
        before = Section.objects.count()
        sections = ensure_sections()
        if made := Section.objects.count() - before:
            self.created["section"] += made
        return sections

    def seed_banner(self):
        if HotlineBanner.objects.filter(phone=content.BANNER["phone"]).exists():
            return
        # The database allows one active banner; never fight one an editor turned on.
        banner = HotlineBanner(
            **content.BANNER, is_active=not HotlineBanner.objects.active().exists()
        )
        banner.full_clean()
        banner.save()
        self.created["banner"] += 1

    def seed_photos(self):
        photos = {}
        uploaders = [self.users["phongvien"], self.users["phongvien2"]]
        for number, (key, (scene, sky, place, caption, credit)) in enumerate(
            content.PHOTOS.items()
        ):
            photo = Photo.objects.filter(caption=caption).first()
            if photo is None:
                jpeg = drawing.draw(scene, seed=number, label=place, sky=sky)
                photo = Photo(
                    image=ContentFile(jpeg, name=f"{key}.jpg"), caption=caption, credit=credit
                )
                photo.uploaded_by = uploaders[number % 2]
                photo.full_clean()
                photo.save()  # makes the WebP renditions
                self.created["photo"] += 1
            photos[key] = photo
        return photos

    def seed_articles(self):
        """Create the stories not yet in the database; return the new ones by title."""
        existing = set(
            Article.objects.filter(title__in=[s["title"] for s in ARTICLES]).values_list(
                "title", flat=True
            )
        )
        stories = [story for story in ARTICLES if story["title"] not in existing]
        made = [self.article(story) for story in stories]
        articles = [article for article, _created_at, _trail in made]
        # Through the workflow, as the system: each story's trail as it would have been made.
        publishing.create_many(articles, [trail for _a, _c, trail in made], by=SEED)
        for story, (article, created_at, trail) in zip(stories, made, strict=True):
            article.authors.set([self.users[name] for name in story["authors"]])
            article.tags.add(*story["tags"])
            updated_at = trail[-1].at if trail else created_at
            Article.objects.filter(pk=article.pk).update(
                created_at=created_at, updated_at=updated_at
            )
            self.created["article"] += 1
        return {article.title: article for article in articles}

    def article(self, story):
        """A story's unsaved article, when it was created, the trail to its state."""
        state, *args = story["state"]
        author = self.users[story["authors"][0]]
        article = Article(
            title=story["title"],
            location=story["location"],
            sapo=story["sapo"],
            body=self.body_html(story["body"]),
            section=self.sections[story["section"]],
            byline=story.get("byline", ""),
            lead_photo=self.photos[story["lead"]],
            created_by=author,
        )
        article.full_clean()
        return article, *self.trail(state, author, args)

    def trail(self, state, author, args):
        """When an article in ``state`` was created, and the steps it went through."""
        editor, now = self.users[content.EDITOR], self.now

        def submitted(at):
            return Step(Status.SUBMITTED, at, credit=author)

        if state == "published":
            at = self.moment(args[0])
            approved = Step(Status.PUBLISHED, at, published_at=at, credit=editor)
            return at - timedelta(hours=6), [submitted(at - timedelta(hours=2)), approved]
        if state == "scheduled":
            note = "Duyệt, hẹn giờ xuất bản."
            at, approved = self.moment(args[0]), now - timedelta(hours=1)
            scheduled = Step(Status.PUBLISHED, approved, published_at=at, credit=editor, note=note)
            return now - timedelta(days=1), [submitted(now - timedelta(hours=5)), scheduled]
        if state == "submitted":
            return now - timedelta(hours=20), [submitted(now - timedelta(minutes=90))]
        if state == "returned":
            returned = Step(
                Status.RETURNED, now - timedelta(hours=20), credit=editor, note=args[0]
            )
            return now - timedelta(days=2), [submitted(now - timedelta(hours=26)), returned]
        return now - timedelta(hours=3), []

    def seed_related(self, new_articles):
        """Hand-picked "Xem thêm" links, in order, for the articles made in this run."""
        by_title = None
        for story in ARTICLES:
            article = new_articles.get(story["title"])
            if article is None or not story["related"]:
                continue
            if by_title is None:
                by_title = {
                    a.title: a
                    for a in Article.objects.filter(
                        title__in=[t for s in ARTICLES for t in s["related"]]
                    )
                }
            for position, title in enumerate(story["related"], start=1):
                link = RelatedArticle(
                    from_article=article, to_article=by_title[title], position=position
                )
                link.full_clean()
                link.save()

    def seed_corrections(self, new_articles):
        """Corrections added after publication, for the articles made in this run."""
        for story in ARTICLES:
            article = new_articles.get(story["title"])
            for kind, text in story.get("corrections", []) if article else []:
                publishing.add_correction(article, kind, text, by=SEED)

    def body_html(self, blocks):
        """The stored body, as the editor writes it; photos are references to library rows."""
        parts = []
        for block in blocks:
            if isinstance(block, str):
                parts.append(f"<p>{escape(block)}</p>")
                continue
            kind, value = block
            if kind == "photo":
                pk = self.photos[value].pk
                parts.append(f'<figure class="news-photo" data-photo-id="{pk}"></figure>')
            elif kind == "h2":
                parts.append(f"<h2>{escape(value)}</h2>")
            elif kind == "quote":
                parts.append(f"<blockquote><p>{escape(value)}</p></blockquote>")
            elif kind == "ul":
                items = "".join(f"<li><p>{escape(item)}</p></li>" for item in value)
                parts.append(f"<ul>{items}</ul>")
            else:
                raise ValueError(f"Khối nội dung không hợp lệ: {kind}")
        return "".join(parts)

    def moment(self, spec):
        """``("ago", 35)``, ``("in", 120)`` (minutes) or ``(-3, "08:20")`` (days, local time)."""
        if spec[0] == "ago":
            return self.now - timedelta(minutes=spec[1])
        if spec[0] == "in":
            return self.now + timedelta(minutes=spec[1])
        days, clock = spec
        hour, minute = (int(part) for part in clock.split(":"))
        day = self.now + timedelta(days=days)
        return day.replace(hour=hour, minute=minute, second=0, microsecond=0)
