from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from articles import richtext
from articles.links import path_to
from articles.search_index import (
    PostgresCoveringIndex,
    PostgresOnlyGinIndex,
    update_search_vectors,
)
from articles.text import derive_slug, search_fold

from .access import AccessMixin, AccessQuerySet
from .base import NFCModel
from .history import RevisionRelations
from .tag import ArticleTagManager, TaggedArticle

SAPO_MAX_LENGTH = 500


def sanitize_body(html: str | None) -> str:
    """``html`` through the body field's own sanitiser: exactly what the editor may make."""
    return Article._meta.get_field("body").sanitize(html or "")


class ArticleQuerySet(AccessQuerySet):
    def live(self, now=None):
        """Articles a reader may see: published, and ``published_at`` already reached (by
        ``now``, the present when not given)."""
        moment = timezone.now() if now is None else now
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=moment)

    def scheduled(self):
        """Published articles whose ``published_at`` is still ahead."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def summaries(self):
        """Without the body and the search columns, which cards, "Xem thêm" and feeds never
        show: a list of 43 cards read them all (≈ 14 kB a row) to use a title and a sapo."""
        return self.defer(*Article.BULKY)

    def without_search_columns(self):
        """The article page: the body, not what search reads."""
        return self.defer(*Article.SEARCH_COLUMNS)


class Article(AccessMixin, NFCModel):
    # Columns only search reads (filled on save), and with the body the bulk of a row.
    SEARCH_COLUMNS = ("search_title", "search_text", "search_vector")
    BULKY = ("body", *SEARCH_COLUMNS)

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Chờ duyệt")
        RETURNED = "returned", _("Trả lại")
        PUBLISHED = "published", _("Đã xuất bản")

    # A journalist edits their own article in these states (and live, models/access.py).
    EDITABLE_BY_AUTHOR = (Status.DRAFT, Status.RETURNED)

    title = models.CharField(_("tiêu đề"), max_length=250)
    slug = models.SlugField(_("đường dẫn"), max_length=200, editable=False)
    location = models.CharField(
        _("địa danh"),
        max_length=60,
        blank=True,
        help_text=_("Nơi mở đầu sapo, ví dụ Hải Phòng; trang đọc in hoa: HẢI PHÒNG."),
    )
    sapo = models.TextField(
        _("sapo"),
        max_length=SAPO_MAX_LENGTH,
        help_text=_("Đoạn dẫn, văn bản thuần, tối đa %(max)s ký tự.") % {"max": SAPO_MAX_LENGTH},
    )
    body = ProseEditorField(
        _("nội dung"),
        extensions={
            "Bold": True,
            "Italic": True,
            "Heading": {"levels": [2, 3]},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            "HardBreak": True,
            "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
            "History": True,
            "NewsPhoto": True,
        },
        sanitize=True,
        blank=True,
    )
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("chuyên mục"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tác giả"),
        related_name="articles",
        blank=True,
        limit_choices_to={"is_staff": True},
    )
    byline = models.CharField(
        _("bút danh / cộng tác viên"),
        max_length=150,
        blank=True,
        help_text=_("Tên tác giả ngoài toà soạn, in thêm dưới bài."),
    )
    lead_photo = models.ForeignKey(
        "articles.Photo",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Photos placed in the body, kept in step with it on every save.
    photos = models.ManyToManyField(
        "articles.Photo",
        verbose_name=_("ảnh trong bài"),
        related_name="articles",
        blank=True,
        editable=False,
    )
    tags = TaggableManager(_("thẻ"), through=TaggedArticle, blank=True, manager=ArticleTagManager)
    related = models.ManyToManyField(
        "self",
        verbose_name=_("bài liên quan"),
        through="articles.RelatedArticle",
        through_fields=("from_article", "to_article"),
        symmetrical=False,
        related_name="+",
        blank=True,
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("thời điểm xuất bản"), null=True, blank=True)
    # Accent-folded, lower-cased copies for accent-insensitive search (articles.text.search_fold):
    # folding in Python keeps SQLite and PostgreSQL alike and needs no unaccent extension.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    # PostgreSQL only: the weighted full-text vector of the two columns above, stored for
    # the GIN index (articles.search_index); left empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("phiên bản bài viết"),
        excluded_fields=[
            "search_title",
            "search_text",
            "search_vector",
            "updated_at",
        ],
        # Tags, authors and picks too (articles/models/history.py).
        bases=[RevisionRelations],
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        permissions = [
            ("review_article", _("Có thể duyệt, trả lại bài viết")),
            ("publish_article", _("Có thể xuất bản, hẹn giờ, gỡ bài viết")),
        ]
        indexes = [
            # Reader lists: live() ordered by -published_at, -pk, read backwards; the id
            # ends the order and the keyset (published_at, id) of deep pages (issue #9). On
            # PostgreSQL it carries updated_at: the sitemap index's months query (each
            # month's lastmod) is an index-only scan of it.
            PostgresCoveringIndex(
                fields=["status", "published_at", "id"],
                covering=["updated_at"],
                name="article_live_idx",
            ),
            models.Index(
                fields=["section", "status", "published_at", "id"],
                name="article_section_live_idx",
            ),
            # The admin's article list, in the model's default order (-published_at, -pk),
            # whatever the state: no sort of the whole table for its first page.
            models.Index(fields=["published_at", "id"], name="article_published_idx"),
            # Reader search (articles.search) on PostgreSQL; see articles.search_index.
            PostgresOnlyGinIndex(fields=["search_vector"], name="article_search_vector_idx"),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the row held when read: a save compares it with what it writes, to know
        # whether readers saw the article (articles/invalidation.py).
        instance._loaded = {
            name: instance.__dict__[name]
            for name in ("status", "published_at", "section_id")  # invalidation.STATE
            if name in instance.__dict__
        }
        return instance

    def __str__(self):
        return self.title

    def clean(self):
        self.slug = derive_slug(self.title, fallback="bai-viet")

    def derive(self, fold=search_fold):
        """What every save derives from what was typed; ``seed_bench`` calls it for the rows
        it writes without ``save()``, with a faster ``fold`` of the same result."""
        self.normalize_text()
        # Sanitised on every save, not only in the admin form: a shell, an importer or a
        # fixture stores the same allowlisted markup the editor can make.
        self.body = sanitize_body(self.body)
        self.slug = derive_slug(self.title, fallback="bai-viet")
        self.search_title = search_fold(self.title)
        self.search_text = fold(
            " ".join([self.location, self.sapo, richtext.plain_text(self.body)])
        )

    def save(self, *args, **kwargs):
        self.derive()
        super().save(*args, **kwargs)
        update_search_vectors(type(self).objects.filter(pk=self.pk))
        from .photo import Photo

        self.photos.set(Photo.objects.filter(pk__in=richtext.photo_ids(self.body)))

    def get_absolute_url(self):
        section_slug = self.section.slug
        return path_to("articles:detail", section_slug=section_slug, slug=self.slug, pk=self.pk)

    @property
    def is_live(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def location_display(self):
        return self.location.upper()

    def share_photo(self, body_photos: dict | None = None):
        """The photo readers' shares show: the lead photo, else the body's first photo.

        ``body_photos``: the body's photos by id, as the article page already loaded them;
        without it they are read here.
        """
        return self.lead_photo if self.lead_photo_id else self.first_body_photo(body_photos)

    def first_body_photo(self, body_photos: dict | None = None):
        """The first photo of the body still in the library, or None."""
        ids = richtext.photo_ids(self.body)
        if body_photos is None:
            from .photo import Photo

            body_photos = Photo.objects.in_bulk(ids)
        return next((body_photos[pk] for pk in ids if pk in body_photos), None)
