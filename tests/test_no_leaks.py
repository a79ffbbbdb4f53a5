"""No surface shows an article that is not live: draft, submitted, returned or scheduled."""

import pytest
from django.urls import reverse

from articles.models import RelatedArticle
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
    hidden_articles,
)
from tests.sitemap_urls import month_sitemap_url

pytestmark = pytest.mark.django_db


def test_no_hidden_article_on_any_surface(client):
    section = SectionFactory(name="Thời sự")
    author = UserFactory(first_name="Lan", last_name="Nguyễn")
    visible = ArticleFactory(live=True, section=section, title="Bai hien HIENRA")
    visible.authors.add(author)
    visible.tags.add("chung")
    hidden = hidden_articles(section, prefix="Bai an")
    for position, article in enumerate(hidden):
        article.authors.add(author)
        article.tags.add("chung")
        article.lead_photo = PhotoFactory()
        article.save()
        RelatedArticle.objects.create(from_article=visible, to_article=article, position=position)
    surfaces = [
        "/",
        visible.get_absolute_url(),
        section.get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": "chung"}),
        reverse("articles:author", kwargs={"pk": author.pk}),
        "/tim-kiem/?q=bai",
        "/rss.xml",
        f"/chuyen-muc/{section.slug}/rss.xml",
        month_sitemap_url(visible.published_at),  # the index's article sitemap
        "/sitemap-news.xml",
    ]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert visible.get_absolute_url() in content or "HIENRA" in content, url
        for article in hidden:
            assert article.title.split()[-1] not in content, (url, article.status)
            assert f"-{article.pk}.html" not in content, (url, article.status)
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
