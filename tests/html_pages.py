"""A reader page as a tree to query, for the tests that read pages the way a browser would
(tests/test_reader_pages_article.py and _lists.py), and the site they are served as
(``SITE``; tests/conftest.py's ``reader_site`` sets it)."""

from lxml import html as lxml_html

SITE = "https://bao.example"


def page(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content.decode())
