"""Hostile and odd input, as a table: (input, door, expected outcome).

Each door is a way text or a request reaches the system — the admin forms a journalist or
an editor uses, the ORM an importer or the shell uses, the reader site, the login page —
and each returns what was observed as a short string, compared with the table's outcome.
Outcomes:

- ``lưu`` / ``lưu: <value>``: stored (with the value as stored);
- ``lỗi: <field>``: the form came back (200) with a Vietnamese error on that field and
  everything the person typed still in it; nothing was stored;
- ``từ chối: <field>``: the ORM refused with a ValidationError naming that field;
- ``slug: <slug>``: the slug made;
- ``sạch``: the reader page shows none of the hostile markup;
- ``<status>``: an HTTP status code.
"""

from dataclasses import dataclass, field

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, Section, Tag
from articles.text import vietnamese_slugify
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

ZWSP, NBSP, BOM, ZWJ = "\u200b", "\u00a0", "\ufeff", "\u200d"
SAPO = "Sapo viết cho bài thử: người đọc phải thấy đoạn này nguyên vẹn."
TYPED_BODY = "<p>Đoạn văn phóng viên đã gõ, không được mất.</p>"


@dataclass
class Case:
    input: str
    door: str
    payload: object
    outcome: str
    extra: dict = field(default_factory=dict)

    def __str__(self):
        return f"{self.door}: {self.input}"


# Doors


def _article_form(client, journalist, payload):
    section = SectionFactory()
    client.force_login(journalist)
    data = {
        "title": "Tiêu đề bình thường",
        "location": "Hải Phòng",
        "sapo": SAPO,
        "body": TYPED_BODY,
        "lead_photo": "",
        "section": section.pk,
        "tags": [],
        "authors": [],
        "byline": "",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "_continue": "1",
        **payload,
    }
    before = Article.objects.count()
    response = client.post(reverse("admin:articles_article_add"), data)
    if response.status_code == 302:
        article = Article.objects.latest("pk")
        return f"lưu: {article.title}"
    assert response.status_code == 200, response.status_code
    assert Article.objects.count() == before
    errors = response.context["adminform"].form.errors
    page = response.content.decode()
    # Nothing lost: the sapo and the body the person typed come back in the form.
    assert SAPO in page
    assert "Đoạn văn phóng viên đã gõ" in page
    return "lỗi: " + ",".join(sorted(errors))


def _orm_article(payload):
    fields = {"title": "Tiêu đề", "sapo": SAPO, "section": SectionFactory(), **payload}
    try:
        article = Article.objects.create(**fields)
    except ValidationError as error:
        return "từ chối: " + ",".join(sorted(error.message_dict))
    return f"lưu: {article.title}"


def _section_form(client, editor, name):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_section_add"),
        {"name": name, "slug": "", "position": "0", "parent": "", "description": "Mô tả"},
    )
    if response.status_code == 302:
        section = Section.objects.latest("pk")
        assert client.get(section.get_absolute_url()).status_code == 200
        return f"slug: {section.slug}"
    assert response.status_code == 200, response.status_code
    assert "Mô tả" in response.content.decode()
    return "lỗi: " + ",".join(sorted(response.context["adminform"].form.errors))


def _orm_section(names):
    """Sections made one after the other; the last one's slug, and the sitemap still works."""
    for name in names:
        try:
            section = Section.objects.create(name=name)
        except ValidationError as error:
            return "từ chối: " + ",".join(sorted(error.message_dict))
    ArticleFactory(section=section, live=True)
    slugs = list(Section.objects.values_list("slug", flat=True))
    assert all(slugs) and len(slugs) == len(set(slugs))
    return f"slug: {section.slug}"


def _slug(text):
    return f"slug: {vietnamese_slugify(text)}"


def _orm_body_on_reader_page(client, body):
    article = ArticleFactory(body=body, live=True)
    page = client.get(article.get_absolute_url()).content.decode().lower()
    stored = Article.objects.get(pk=article.pk).body.lower()
    hostile = ["<script", "onerror", "onload", "javascript:", "<iframe", "<style", "<svg"]
    found = [bad for bad in hostile if bad in stored or bad in page.split("<main", 1)[-1]]
    return "sạch" if not found else f"bẩn: {found}"


def _orm_tags(names):
    article = ArticleFactory()
    try:
        article.tags.add(*names)
    except ValidationError as error:
        assert "tối đa 100 ký tự" in error.messages[0]
        return f"từ chối: {error.code}"
    return "lưu: " + "|".join(sorted(t.name for t in article.tags.all()))


def _tag_form(client, editor, name):
    client.force_login(editor)
    response = client.post(reverse("admin:articles_tag_add"), {"name": name, "slug": ""})
    if response.status_code == 302:
        tag = Tag.objects.latest("pk")
        return f"lưu: {tag.name}|{tag.slug}"
    assert response.status_code == 200
    return "lỗi: " + ",".join(sorted(response.context["adminform"].form.errors))


LONG_TAG = "Thẻ rất dài " * 12  # 144 characters


CASES = [
    # Titles: empty once NFC'd and trimmed of invisible characters.
    Case("tiêu đề chỉ có dấu cách", "form bài viết", {"title": "     "}, "lỗi: title"),
    Case("tiêu đề là khoảng trắng không ngắt", "form bài viết", {"title": NBSP * 3}, "lỗi: title"),
    Case("tiêu đề là zero-width space", "form bài viết", {"title": ZWSP}, "lỗi: title"),
    Case("tiêu đề là tab và ZWSP", "form bài viết", {"title": f"\t{ZWSP}\t"}, "lỗi: title"),
    Case("tiêu đề là BOM", "form bài viết", {"title": BOM + NBSP}, "lỗi: title"),
    Case("tiêu đề quá 250 ký tự", "form bài viết", {"title": "Dài " * 70}, "lỗi: title"),
    Case("tiêu đề có NUL", "form bài viết", {"title": "Hải\x00Phòng"}, "lỗi: title"),
    Case("thẻ dài hơn cột", "form bài viết", {"tags": [LONG_TAG]}, "lỗi: tags"),
    Case(
        "tiêu đề có ZWSP và NBSP quanh chữ",
        "form bài viết",
        {"title": f"{ZWSP}Hải{NBSP}Phòng\t"},
        "lưu: Hải Phòng",
    ),
    Case("tiêu đề trống", "ORM Article", {"title": ""}, "từ chối: title"),
    Case("tiêu đề là ZWSP + NBSP", "ORM Article", {"title": ZWSP + NBSP}, "từ chối: title"),
    Case("tiêu đề là tab", "ORM Article", {"title": "\t\n"}, "từ chối: title"),
    Case("sapo chỉ có khoảng trắng", "ORM Article", {"sapo": f" {ZWSP} "}, "từ chối: sapo"),
    Case("tiêu đề 251 ký tự", "ORM Article", {"title": "x" * 251}, "từ chối: title"),
    Case("sapo 501 ký tự", "ORM Article", {"sapo": "x" * 501}, "từ chối: sapo"),
    Case("bút danh 151 ký tự", "ORM Article", {"byline": "x" * 151}, "từ chối: byline"),
    Case("tiêu đề NFD", "ORM Article", {"title": "Ha\u0309i Pho\u0300ng"}, "lưu: Hải Phòng"),
    # Section names and slugs: never empty, never taken twice.
    Case("chuyên mục chữ Hán", "form chuyên mục", "東京", "slug: dongjing"),
    Case("chuyên mục chỉ có emoji", "form chuyên mục", "🌧️", "slug: chuyen-muc"),
    Case("chuyên mục chỉ có ZWSP", "form chuyên mục", ZWSP * 2, "lỗi: name"),
    Case("chuyên mục 101 ký tự", "form chuyên mục", "T" * 101, "lỗi: name"),
    Case("chuyên mục tiếng Hy Lạp", "ORM Section", ["Ελλάδα"], "slug: ellada"),
    Case("chuyên mục không chữ Latin", "ORM Section", ["★★★"], "slug: chuyen-muc"),
    Case("hai chuyên mục không chữ", "ORM Section", ["★", "☆"], "slug: chuyen-muc-2"),
    Case("Thể thao rồi The thao", "ORM Section", ["Thể thao", "The thao"], "slug: the-thao-2"),
    Case("chuyên mục chỉ có NBSP", "ORM Section", [NBSP], "từ chối: name"),
    # Slugs: every dash breaks words.
    Case("gạch ngang en", "slug", "Thừa Thiên–Huế", "slug: thua-thien-hue"),
    Case("gạch ngang em", "slug", "Hà Nội—Hải Phòng", "slug: ha-noi-hai-phong"),
    Case("gạch nối không ngắt", "slug", "COVID\u201119", "slug: covid-19"),
    Case("dấu trừ toán học", "slug", "Năm 2024\u22122025", "slug: nam-2024-2025"),
    Case("đ và Đ", "slug", "Đường đến Đà Lạt", "slug: duong-den-da-lat"),
    # Bodies: whatever door writes them, readers get allowlisted markup.
    Case("thẻ script", "ORM body → trang đọc", "<p>a</p><script>alert(1)</script>", "sạch"),
    Case("onerror trên img", "ORM body → trang đọc", '<img src=x onerror="alert(1)">', "sạch"),
    Case(
        "liên kết javascript:",
        "ORM body → trang đọc",
        '<a href="javascript:alert(1)">x</a>',
        "sạch",
    ),
    Case("iframe", "ORM body → trang đọc", '<iframe src="https://evil.example"></iframe>', "sạch"),
    Case("svg onload", "ORM body → trang đọc", "<svg onload=alert(1)></svg>", "sạch"),
    Case("style", "ORM body → trang đọc", "<style>body{display:none}</style><p>x</p>", "sạch"),
    Case(
        "figure giả có onload",
        "ORM body → trang đọc",
        '<figure class="news-photo" data-photo-id="1" onload="alert(1)"></figure>',
        "sạch",
    ),
    # Tags through the ORM and the tag admin.
    Case("thẻ dài hơn cột", "ORM tags.add", [LONG_TAG], "từ chối: tag_too_long"),
    Case("thẻ có ZWSP", "ORM tags.add", [f"Hải Phòng{ZWSP}", "Hải Phòng"], "lưu: Hải Phòng"),
    Case("thẻ chỉ có khoảng trắng", "ORM tags.add", [NBSP, "Biển"], "lưu: Biển"),
    Case("thẻ chỉ có ZWSP", "form thẻ", ZWSP, "lỗi: name"),
    Case("thẻ 101 ký tự", "form thẻ", "x" * 101, "lỗi: name"),
    Case("thẻ chữ Hán", "form thẻ", "東京", "lưu: 東京|dongjing"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_input(case, client, journalist, editor):
    doors = {
        "form bài viết": lambda p: _article_form(client, journalist, p),
        "ORM Article": _orm_article,
        "form chuyên mục": lambda p: _section_form(client, editor, p),
        "ORM Section": _orm_section,
        "slug": _slug,
        "ORM body → trang đọc": lambda p: _orm_body_on_reader_page(client, p),
        "ORM tags.add": _orm_tags,
        "form thẻ": lambda p: _tag_form(client, editor, p),
    }
    assert doors[case.door](case.payload) == case.outcome


def test_sections_without_latin_letters_keep_the_sitemap_working(client):
    """Sections named only in other scripts or symbols still get distinct, working URLs."""
    for name in ["東京", "★", "☆", "Ελλάδα", "🌧️"]:
        ArticleFactory(section=Section.objects.create(name=name), live=True)
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    for section in Section.objects.all():
        assert section.get_absolute_url() in response.content.decode()


def test_table_covers_every_class():
    assert len(CASES) >= 40
