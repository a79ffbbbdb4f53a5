"""The reader page cache's exact invalidation (issue #9): an edit refreshes the pages that
show what it changed, and only those; unseen work leaves every cached page a hit."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles import pagecache, views
from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


# Exact invalidation (issue #9) ------------------------------------------------------------


@pytest.fixture
def site(client, journalist, editor):
    """Two sections with a live article each, tagged, and every kind of page cached."""
    from articles.models import RelatedArticle

    port, city = SectionFactory(name="Kinh tế"), SectionFactory(name="Văn hoá")
    article = ArticleFactory(live=True, section=port, title="Cảng Lạch Huyện đón tàu lớn")
    article.tags.add("cảng biển")
    article.authors.add(journalist)
    other = ArticleFactory(live=True, section=city, title="Lễ hội hoa phượng khai mạc")
    picker = ArticleFactory(live=True, section=city, title="Mùa hoa phượng ở Hải Phòng")
    RelatedArticle.objects.create(from_article=picker, to_article=article, position=0)
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": port.get_absolute_url(),
        "tag": "/the/cang-bien/",
        "author": f"/tac-gia/{journalist.pk}/",
        "other article": other.get_absolute_url(),
        "other section": city.get_absolute_url(),
        "picker": picker.get_absolute_url(),
        "search": "/tim-kiem/?q=c%E1%BA%A3ng",
        "rss": "/rss.xml",
        "sitemap": "/sitemap.xml",
    }
    for url in pages.values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss", url
    return {"article": article, "port": port, "city": city, "picker": picker, "pages": pages}


def _misses(client, pages):
    """The pages the cache no longer answers (each request stores it again)."""
    return {name for name, url in pages.items() if client.get(url).get("X-Page-Cache") != "hit"}


def test_the_desk_saving_unseen_work_leaves_every_cached_page_a_hit(
    client, site, journalist, editor
):
    from articles import publishing

    draft = ArticleFactory(section=site["port"], title="Bản nháp về cảng biển")
    draft.tags.add("cảng biển", "thẻ mới của bản nháp")
    draft.authors.add(journalist)
    draft.title = "Bản nháp về cảng biển, sửa lần hai"
    draft.save()
    publishing.submit(draft, by=journalist)
    publishing.return_to_author(draft, by=editor, note="Bổ sung số liệu.")
    publishing.submit(draft, by=journalist)
    publishing.schedule(draft, by=editor, at=timezone.now() + timedelta(hours=2))
    draft.refresh_from_db()
    draft.sapo = "Sapo sửa khi đã hẹn giờ."
    draft.save()
    PhotoFactory()  # a new upload
    assert _misses(client, site["pages"]) == set()


def test_editing_a_live_title_refreshes_the_pages_that_show_it_and_no_others(client, site):
    article = site["article"]
    article.title = "Cảng Lạch Huyện đón tàu 200.000 tấn"
    article.save()
    assert _misses(client, site["pages"]) == {
        "home",
        "article",
        "section",
        "tag",
        "author",
        "picker",  # "Xem thêm" there shows the title
        "search",
        "rss",
        "sitemap",
    }
    for name in ("home", "section", "tag", "picker", "article"):
        page = client.get(site["pages"][name], follow=True).content.decode()
        assert "đón tàu 200.000 tấn" in page, name


def test_publishing_unpublishing_and_deleting_refresh_the_lists(client, site, editor):
    from articles import publishing

    article = site["article"]
    publishing.unpublish(article, by=editor, note="Chờ xác minh.")
    assert {"home", "article", "section"} <= _misses(client, site["pages"])
    assert site["article"].title not in client.get("/").content.decode()
    assert client.get(site["pages"]["article"]).status_code == 404
    fresh = ArticleFactory(section=site["port"], title="Tàu container cập cảng sớm")
    publishing.publish(fresh, by=editor)
    misses = _misses(client, site["pages"])
    assert {"home", "section"} <= misses and "other section" not in misses
    assert fresh.title in client.get("/").content.decode()
    publishing.delete(site["picker"], by=editor)
    misses = _misses(client, site["pages"])
    assert {"home", "other section"} <= misses and "section" not in misses
    publishing.delete_many(Article.objects.filter(pk=fresh.pk), by=editor)  # the bulk path
    misses = _misses(client, site["pages"])
    assert {"home", "section"} <= misses and "other section" not in misses
    assert fresh.title not in client.get("/").content.decode()


def test_an_article_moved_to_another_section_leaves_the_old_sections_list(client, site):
    article = site["article"]
    article.section = site["city"]
    article.save()
    assert {"section", "other section"} <= _misses(client, site["pages"])
    assert article.title not in client.get(site["pages"]["section"]).content.decode()


def test_renaming_a_tag_refreshes_its_page_and_its_articles_only(client, site):
    from articles.models import Tag

    tag = Tag.objects.get(name="cảng biển")
    tag.name = "Cảng biển"
    tag.save()
    misses = _misses(client, site["pages"])
    assert {"tag", "article"} <= misses
    assert not misses & {"other section", "other article", "section"}


def test_editing_a_photo_of_a_live_article_refreshes_its_page(client, site):
    photo = PhotoFactory()
    article = site["article"]
    article.body += f'<figure class="news-photo" data-photo-id="{photo.pk}"></figure>'
    article.save()
    client.get(site["pages"]["article"])
    photo.caption = "Tàu vào cảng lúc bình minh"
    photo.save()
    assert "article" in _misses(client, site["pages"])
    assert "Tàu vào cảng lúc bình minh" in client.get(site["pages"]["article"]).content.decode()


def test_a_page_rendered_while_its_content_changes_is_not_stored(client, site, monkeypatch):
    """The rows read may predate the edit whose bump moved the generations on."""
    article = site["article"]
    url = site["pages"]["article"]
    cache.clear()
    real = views.related_articles

    def edited_meanwhile(*args, **kwargs):
        Article.objects.filter(pk=article.pk).update(title="Sửa trong lúc trang đang dựng")
        pagecache.bump(pagecache.article_scope(article.pk))
        return real(*args, **kwargs)

    monkeypatch.setattr(views, "related_articles", edited_meanwhile)
    assert not client.get(url).has_header("X-Page-Cache")  # served, not stored
    monkeypatch.setattr(views, "related_articles", real)
    response = client.get(url, follow=True)
    assert "Sửa trong lúc trang đang dựng" in response.content.decode()


def test_an_article_going_live_on_schedule_refreshes_its_lists_at_its_minute(
    client, settings, editor
):
    """Nothing runs at that minute: the first request after it bumps what went live."""
    from articles import publishing

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 6 * 3600  # exact invalidation lets pages live long
    port, city = SectionFactory(), SectionFactory()
    unrelated = ArticleFactory(live=True, section=city)
    now = timezone.now().replace(microsecond=0)
    with time_machine.travel(now, tick=False):
        scheduled = ArticleFactory(section=port, title="Bài hẹn giờ về cảng biển")
        publishing.schedule(scheduled, by=editor, at=now + timedelta(hours=3))
        pages = {"home": "/", "section": port.get_absolute_url()}
        pages["other"] = unrelated.get_absolute_url()
        assert _misses(client, pages) == set(pages)
    with time_machine.travel(now + timedelta(hours=2), tick=False):
        assert _misses(client, pages) == set()
    with time_machine.travel(now + timedelta(hours=3), tick=False):
        assert _misses(client, pages) == {"home", "section"}
        assert scheduled.title in client.get(pages["section"]).content.decode()
