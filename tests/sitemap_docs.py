"""Sitemap documents as a crawler reads them, checked on the way: the index's locations
(sitemaps.org's structure) and one sitemap's URLs (validated against the 0.9 schema)."""

from datetime import datetime
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from lxml import etree

SITE = "https://bao.example"
SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
NS = {"sm": SM}
SITEMAP_XSD = Path(__file__).parent / "schemas" / "sitemap-0.9.xsd"


def at(year, month, day, hour=9):
    return timezone.make_aware(datetime(year, month, day, hour))


def index_locations(client) -> list[str]:
    """The index's sitemap URLs, after checking its structure (sitemaps.org, "Sitemap index")."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    doc = etree.fromstring(response.content)
    assert doc.tag == f"{{{SM}}}sitemapindex"
    assert 0 < len(doc) <= 50_000
    locations = []
    for entry in doc:
        assert entry.tag == f"{{{SM}}}sitemap"
        assert [child.tag for child in entry][:1] == [f"{{{SM}}}loc"]
        assert {child.tag for child in entry} <= {f"{{{SM}}}loc", f"{{{SM}}}lastmod"}
        (loc,) = entry.xpath("sm:loc/text()", namespaces=NS)
        assert loc.startswith(SITE + "/sitemap-")
        for lastmod in entry.xpath("sm:lastmod/text()", namespaces=NS):
            assert parse_datetime(lastmod).tzinfo is not None, lastmod
        locations.append(loc)
    assert len(set(locations)) == len(locations)
    return locations


def urlset(client, location) -> list[str]:
    """The URLs of one sitemap the index lists, after validating it against the 0.9 schema."""
    path = location.removeprefix(SITE)
    response = client.get(path)
    assert response.status_code == 200, path
    doc = etree.fromstring(response.content)
    etree.XMLSchema(etree.parse(str(SITEMAP_XSD))).assertValid(doc)
    return doc.xpath("//sm:loc/text()", namespaces=NS)
