"""What ``bench/inprocess.py`` and ``bench/profile_article.py`` share: Django set up to serve
cold pages as production does (DEBUG off, page cache off; what is kept below pages stays
on), a test client, and the article both time. Imported by the scripts beside it."""

import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup():
    """Django set up for cold pages; returns a test client."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    logging.disable(logging.CRITICAL)
    from django.test import Client

    return Client()


def article_url() -> str:
    """The 501st newest live article's address: in the archive, not the newest pages."""
    from articles.models import Article

    return Article.objects.live().order_by("-published_at")[500].get_absolute_url()
