"""List cards rendered once per content and kept (issue #9, ``articles/cards.py``)."""

import hashlib

import pytest

from articles import cards
from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered_cards(monkeypatch):
    """How many times the card template is rendered (a partial sends no template_rendered)."""
    names = []
    render = cards.render_to_string

    def counting(name, *args, **kwargs):
        names.append(name)
        return render(name, *args, **kwargs)

    monkeypatch.setattr(cards, "render_to_string", counting)
    return lambda: names.count(cards.TEMPLATE)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0  # every request reaches the view


def card_of(client, url, article):
    html = client.get(url).content.decode()
    start = html.index(f"/{article.slug}-{article.pk}.html")
    return html[html.rindex("<article", 0, start) : html.index("</article>", start)]


def test_a_card_is_rendered_once_then_read_from_the_cache(client, rendered_cards):
    section = SectionFactory()
    articles = [
        ArticleFactory(live=True, section=section, lead_photo=PhotoFactory()) for _ in range(3)
    ]
    first = client.get("/").content
    rendered = rendered_cards()
    assert rendered == 3 + 3  # the newest three, and the section's block
    assert client.get("/").content == first
    assert rendered_cards() == rendered  # nothing rendered again
    # A list page's cards are h2, the first one's photo eager: that one is the home page's
    # lead card already, the other two are new.
    client.get(section.get_absolute_url())
    assert rendered_cards() == rendered + 2
    client.get(section.get_absolute_url())
    assert rendered_cards() == rendered + 2
    assert all(f"-{a.pk}.html" in first.decode() for a in articles)


def test_what_a_card_shows_changing_makes_a_new_card(client):
    section = SectionFactory(slug="kinh-te")
    photo = PhotoFactory(caption="Cảng Lạch Huyện lúc bình minh")
    article = ArticleFactory(live=True, section=section, lead_photo=photo, sapo="Sapo cũ.")
    url = section.get_absolute_url()
    assert "Sapo cũ." in card_of(client, url, article)
    article.sapo = "Sapo mới."
    article.save()
    assert "Sapo mới." in card_of(client, url, article)
    photo.alt_text = "Tàu container cập cảng"
    photo.save()
    assert 'alt="Tàu container cập cảng"' in card_of(client, url, article)
    section.slug = "tai-chinh"
    section.save()
    article = Article.objects.get(pk=article.pk)
    assert 'href="/tai-chinh/' in card_of(client, "/chuyen-muc/tai-chinh/", article)


def test_an_unreachable_cache_renders_every_card(client, settings, rendered_cards):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        },
    }
    ArticleFactory(live=True)
    for _ in range(2):
        assert client.get("/").status_code == 200
    assert rendered_cards() == 2 * 2


def test_the_card_is_a_partial_of_the_card_list_and_keyed_by_that_files_source():
    """One template file holds the card; any change to it (the card's markup or the
    libraries it loads) moves every card's key."""
    from django.template.loader import get_template

    source = get_template(cards.FILE).template.source
    assert "{% partialdef card %}" in source and "{% load articles_tags partials %}" in source
    article = ArticleFactory(live=True)
    html = cards.render_to_string(cards.TEMPLATE, {"article": article, "heading": "h2"})
    assert html.startswith('<article class="card">') and "{% for" not in html
    assert article.title in html and "Chưa có bài viết" not in html
    digest = hashlib.blake2b(source.encode(), digest_size=8).hexdigest()
    assert cards._template_digest() == digest
