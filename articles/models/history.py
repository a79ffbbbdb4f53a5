"""What a revision keeps besides the article's own columns: its tags, authors and picks.

django-simple-history copies the article's row on every save (``Article.history``). The
relations ride on the same row, as ``relations``: a JSON snapshot in the pending edit's
format (``{"tags": names in order, "authors": ids, "related": [[id, position], …]}``), so a
restore hands them to ``publishing`` exactly as a pending edit would.

Not simple-history's ``m2m_fields``: it cannot carry taggit's manager (no plain M2M) nor
see the picks' rows change (``RelatedArticle`` rows are saved one by one, no
``m2m_changed``), it records the authors when the article row is saved, before the admin
saves the form's relations, and it answers every ``add``/``remove`` with one more whole
revision (the body copied again). Here:

- a revision is made with the relations the article has then (``pre_create_historical_record``);
- a change of tags, authors or picks afterwards completes the article's latest revision
  (``complete_revision``), so one save of the admin form, of ``publish_pending`` or of a
  restore (row, then relations) is one revision holding all of it, and the newest revision
  always says what the article has now. No revision is made for a relation change alone.

Revisions recorded before this column (``relations`` is null) are restored without
touching the relations.
"""

from django.conf import settings
from django.db import models
from django.db.models import Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record


class RevisionRelations(models.Model):
    """The historical article's extra column (``HistoricalRecords(bases=[...])``)."""

    relations = models.JSONField(_("thẻ, tác giả, bài liên quan"), null=True, editable=False)

    class Meta:
        abstract = True


def relations_of(article) -> dict:
    """The tags (in the order they were given), author ids and ``[id, position]`` picks of
    ``article`` as stored now: what a revision and a pending edit keep."""
    return {
        "tags": [tag.name for tag in article.tags.all()],
        "authors": sorted(article.authors.values_list("pk", flat=True)),
        "related": [
            [link.to_article_id, link.position]
            for link in article.related_links.order_by("position", "pk")
        ],
    }


def complete_revision(article) -> None:
    """Write ``article``'s relations as they are now into its latest revision."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    if hasattr(article, "skip_history_when_saving"):
        return
    history = type(article).history.model
    latest = (
        history.objects.filter(id=article.pk)
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    history.objects.filter(history_id=Subquery(latest)).update(relations=relations_of(article))


def _on_record(sender, instance, history_instance, **kwargs):
    if not isinstance(history_instance, RevisionRelations):
        return
    if history_instance.history_type == "+":
        # Nothing can point at a row that was not there: no queries.
        history_instance.relations = {"tags": [], "authors": [], "related": []}
    elif history_instance.history_type == "~":
        history_instance.relations = relations_of(instance)
    # "-": the rows are gone with the article; nothing to restore from.


def _on_tags_or_authors(sender, instance, action, reverse, **kwargs):
    from .article import Article

    changed = action in ("post_add", "post_remove", "post_clear") and not reverse
    if changed and sender in (Article.authors.through, Article.tags.through):
        complete_revision(instance)


def _on_pick(sender, instance, origin=None, raw=False, **kwargs):
    if raw:
        return  # a fixture being loaded, as it was
    if origin is not None and getattr(origin, "model", type(origin)) is not sender:
        return  # deleted with an article it pointed at or from: not a change of picks
    from .article import Article

    article = sender._meta.get_field("from_article").get_cached_value(instance, None)
    complete_revision(article or Article(pk=instance.from_article_id))


def connect() -> None:
    """The receivers above (``ArticlesConfig.ready``)."""
    pre_create_historical_record.connect(_on_record, dispatch_uid="revision-relations")
    m2m_changed.connect(_on_tags_or_authors, dispatch_uid="revision-tags-authors")
    for signal in (post_save, post_delete):
        signal.connect(_on_pick, sender="articles.RelatedArticle", dispatch_uid="revision-picks")
