"""What the article admin's URLs are, what its change form posts and an article's newest
revision, for every test that drives the form (the admin's own tests, autosave, history
and its restores, pending edits, requests)."""

from django.urls import reverse

CHANGELIST = "admin:articles_article_changelist"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, rows=(), initial=0, **overrides):
    """What the change form posts for ``article`` unchanged, with related-article ``rows``
    (``initial`` of them already saved), plus ``overrides``."""
    data = {
        "title": article.title,
        "location": article.location,
        "sapo": article.sapo,
        "body": article.body,
        "lead_photo": article.lead_photo_id or "",
        "section": article.section_id,
        "tags": [t.name for t in article.tags.all()] if article.pk else [],
        "authors": [u.pk for u in article.authors.all()] if article.pk else [],
        "byline": article.byline,
        "version": article.version,
        "related_links-TOTAL_FORMS": str(len(rows)),
        "related_links-INITIAL_FORMS": str(initial),
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "_continue": "1",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"related_links-{i}-{key}"] = value
        data[f"related_links-{i}-from_article"] = article.pk
    data.update(overrides)
    return data


def diff_url(article):
    return reverse("admin:articles_article_revision_diff", args=[article.pk])


def newest(article):
    return article.history.order_by("-history_date", "-history_id").first()


def restore_url(article, record):
    return reverse("admin:articles_article_revision_restore", args=[article.pk, record.history_id])
