"""Sharing an article (issue #13): plain links to Facebook and Zalo and a copy field, all
with the canonical URL; no script but our own. The copy button itself: tests/browser/."""

import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SHARERS = {
    "Facebook": ("https://www.facebook.com/sharer/sharer.php", "u"),
    "Zalo": ("https://sp.zalo.me/share_inline", "url"),
}


@pytest.fixture
def page(client, settings):
    # A site URL with characters that must be encoded inside another URL's query.
    settings.NEWSROOM_SITE_URL = "https://tin.example.vn/ban-doc?a=1&b=2#x"
    article = ArticleFactory(live=True)
    html = client.get(article.get_absolute_url()).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    return html, canonical.replace("&amp;", "&")


def links(html):
    return {
        name: re.search(rf'<a class="share-{name.lower()}" [^>]*>.*?</a>', html).group()
        for name in SHARERS
    }


def href_of(tag):
    return re.search(r'href="([^"]+)"', tag).group(1).replace("&amp;", "&")


def test_share_links_carry_the_canonical_url_encoded_and_nothing_else(page):
    html, canonical = page
    assert canonical.startswith("https://tin.example.vn/ban-doc?a=1&b=2#x/")
    for name, tag in links(html).items():
        base, parameter = SHARERS[name]
        href = href_of(tag)
        assert href == f"{base}?{parameter}={quote(canonical, safe='')}"
        query = parse_qs(urlsplit(href).query)
        assert query == {parameter: [canonical]}  # no tracking parameter, no fragment lost


def test_share_links_open_apart_and_are_named_in_vietnamese(page):
    html, _ = page
    for name, tag in links(html).items():
        assert 'target="_blank"' in tag
        assert "noopener" in re.search(r'rel="([^"]+)"', tag).group(1).split()
        name_read = re.sub(r"<[^>]+>", "", tag)  # the accessible name: the link's text
        assert name_read == f"Chia sẻ lên {name}"


def test_without_javascript_the_link_is_in_a_read_only_field(page):
    html, canonical = page
    field = re.search(r'<input id="lien-ket"[^>]*>', html).group()
    assert "readonly" in field
    assert re.search(r'value="([^"]+)"', field).group(1).replace("&amp;", "&") == canonical
    assert '<label for="lien-ket">' in html
    # The button needs the script: hidden until share.js shows it.
    button = re.search(r'<button type="button" class="share-copy-button"[^>]*>', html).group()
    assert "hidden" in button and 'data-copy="lien-ket"' in button
    assert '<p class="share-status" id="share-status" role="status">' in html


def test_no_script_but_our_own_and_the_policy_stays_strict(client):
    article = ArticleFactory(live=True)
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    sources = [re.search(r'src="([^"]+)"', attrs) for attrs in scripts]
    external = [attrs for attrs, src in zip(scripts, sources, strict=True) if src is None]
    # JSON-LD is data, not a script that runs.
    assert all('type="application/ld+json"' in attrs for attrs in external)
    ours = [src.group(1) for src in sources if src is not None]
    assert sorted(ours) == ["/static/articles/reads.js", "/static/articles/share.js"]
    assert all(not s.startswith(("http:", "https:", "//")) for s in ours)
    assert re.search(r'<script src="/static/articles/share.js" defer>', html)
    assert finders.find("articles/share.js") and finders.find("articles/reads.js")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert script_src == ["'self'"]
    assert "facebook" not in policy and "zalo" not in policy


def test_the_script_uses_the_clipboard_and_announces_the_copy():
    script = Path(finders.find("articles/share.js")).read_text(encoding="utf-8")
    assert "navigator.clipboard.writeText" in script
    assert "Đã sao chép liên kết bài viết." in script
    assert "fetch(" not in script and "http" not in script  # tells nobody anything
