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


def test_the_photo_nodes_styles_are_a_static_file(client, journalist):
    """Loaded with the body's widget, not written into the page by the script."""
    client.force_login(journalist)
    response = client.get(reverse("admin:articles_article_add"))
    links = lxml_html.fromstring(response.content).xpath("//link[@rel='stylesheet']/@href")
    assert "/static/articles/prose-photo.css" in links
    script = finders.find("articles/prose-photo.js")
    assert "'style'" not in Path(script).read_text(encoding="utf-8")  # no <style> made by it
