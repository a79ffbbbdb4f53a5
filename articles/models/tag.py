from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from taggit.managers import _TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles.links import path_to
from articles.text import clean_line, derive_slug

TAG_NAME_MAX_LENGTH = TagBase._meta.get_field("name").max_length


def clean_tag_names(names) -> list[str]:
    """Tag names as stored: each cleaned like a title, empty ones dropped, duplicates once.

    A name longer than the column is refused with the name in the message, so the person
    can shorten it; nothing reaches the database to fail there.
    """
    cleaned, too_long = [], []
    for name in names:
        name = clean_line(name)
        if not name:
            continue
        if len(name) > TAG_NAME_MAX_LENGTH:
            too_long.append(name)
        elif name.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(name)
    if too_long:
        raise ValidationError(
            _("Thẻ “%(name)s…” dài %(length)s ký tự; mỗi thẻ tối đa %(max)s ký tự."),
            code="tag_too_long",
            params={
                "name": too_long[0][:40],
                "length": len(too_long[0]),
                "max": TAG_NAME_MAX_LENGTH,
            },
        )
    return cleaned


class ArticleTagManager(_TaggableManager):
    """django-taggit's manager, cleaning names on every door (form, shell, importer)."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = clean_tag_names(t for t in tags if isinstance(t, str))
        others = [t for t in tags if not isinstance(t, str)]
        return super()._to_tag_model_instances(others + names, tag_kwargs)

    def get_prefetch_querysets(self, instances, querysets=None):
        # taggit's prefetch has no order (an article's tags came back by tag id); in the
        # order their rows were made, as instance.tags.all() reads them.
        qs, *rest = super().get_prefetch_querysets(instances, querysets)
        row_id = f"{connection.ops.quote_name(self.through._meta.db_table)}.id"
        qs = qs.extra(select={"_tag_row": row_id}, order_by=["_tag_row"])
        return (qs, *rest)

    def set(self, tags, *, through_defaults=None, **kwargs):
        """The tags in the order given (issue #10: the order the journalist typed, which the
        article page keeps; taggit reads an article's tags in the order their rows were
        made). taggit's own set() keeps the rows it can and adds the rest at the end; when
        that would give another order, the rows are made again, in order."""
        if not kwargs.get("clear"):
            tags = self._to_tag_model_instances(list(tags), kwargs.get("tag_kwargs") or {})
            wanted = [tag.pk for tag in tags]
            rows = self.through._default_manager.filter(**self._lookup_kwargs())
            current = list(rows.order_by("pk").values_list("tag_id", flat=True))
            kept = [pk for pk in current if pk in wanted]
            if kept + [pk for pk in wanted if pk not in current] != wanted:
                kwargs["clear"] = True
        return super().set(tags, through_defaults=through_defaults, **kwargs)


class Tag(TagBase):
    """A django-taggit tag whose slug is ASCII, made by our Vietnamese rule."""

    class Meta:
        verbose_name = _("thẻ")
        verbose_name_plural = _("thẻ")
        ordering = ["name"]

    def clean_fields(self, exclude=None):
        self.name = clean_line(self.name)
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        names = clean_tag_names([self.name])
        if not names:
            raise ValidationError({"name": _("Tên thẻ không được để trống.")}, code="blank")
        self.name = names[0]
        super().save(*args, **kwargs)

    def slugify(self, tag, i=None):
        # taggit's hook; taggit itself tries -1, -2… when the slug is taken.
        slug = derive_slug(tag, fallback="the", max_length=90)
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return path_to("articles:tag", slug=self.slug)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        verbose_name = _("thẻ của bài")
        verbose_name_plural = _("thẻ của bài")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]
        # A tag's newest articles (tag pages, "Xem thêm") by a backward range scan; the
        # unique constraint serves the other direction, an article's tags.
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_tag_idx")]
