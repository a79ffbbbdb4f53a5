"""The article body's editor gets the photo library's URLs from the server, not from the page."""

import json
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import resolve, reverse
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db


def body_photo_urls(client):
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200
    (textarea,) = lxml_html.fromstring(response.content).xpath("//textarea[@name='body']")
    return json.loads(textarea.get("data-photo-urls"))


def test_the_body_textarea_carries_the_photo_library_urls(client, journalist):
    client.force_login(journalist)
    urls = body_photo_urls(client)
    assert urls == {
        "picker": "/admin/articles/photo/picker/",
        "card": "/admin/articles/photo/{id}/card/",
        "upload": "/admin/articles/photo/upload/",
        "metadata": "/admin/articles/photo/doc-thong-tin/",
    }
    card = resolve(urls["card"].replace("{id}", "12"))
    assert (card.url_name, card.kwargs) == ("articles_photo_card", {"pk": 12})


@pytest.mark.urls("tests.admin_elsewhere_urls")
def test_the_urls_follow_the_admin_wherever_it_is_mounted(client, journalist):
    client.force_login(journalist)
    urls = body_photo_urls(client)
    assert urls["picker"] == "/quan-tri/articles/photo/picker/"
    assert urls["card"] == "/quan-tri/articles/photo/{id}/card/"
    response = client.get(urls["picker"], {"q": "", "page": 1})
    assert response.status_code == 200
    assert response.json() == {"results": [], "page": 1, "has_more": False}


def photo_scripts():
    """The photo node's modules: prose-photo.js and the two it imports."""
    folder = Path(finders.find("articles/prose-photo.js")).parent
    return sorted(folder.glob("prose-photo*.js"))


def test_the_photo_nodes_styles_and_modules_come_with_the_widget(client, journalist):
    """Its styles are a file, not a <style> the script writes; the import map names the
    modules prose-photo.js imports, so they load from their hashed files in production."""
    client.force_login(journalist)
    response = client.get(reverse("admin:articles_article_add"))
    page = lxml_html.fromstring(response.content)
    assert "/static/articles/prose-photo.css" in page.xpath("//link[@rel='stylesheet']/@href")
    (importmap,) = page.xpath("//script[@type='importmap']/text()")
    imports = json.loads(importmap)["imports"]
    assert imports["articles/prose-photo-library"] == "/static/articles/prose-photo-library.js"
    assert imports["articles/prose-photo-picker"] == "/static/articles/prose-photo-picker.js"
    assert [p.name for p in photo_scripts()] == [
        "prose-photo-library.js",
        "prose-photo-picker.js",
        "prose-photo.js",
    ]
    for script in photo_scripts():
        text = script.read_text(encoding="utf-8")
        assert "'style'" not in text, script  # no <style> made by it
        assert "location.pathname" not in text, script  # the URLs are data-photo-urls'
