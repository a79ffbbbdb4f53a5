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
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles import cachesafe
from articles.models import Article, Photo, Section, Tag
from articles.text import vietnamese_slugify
from tests.factories import ArticleFactory, SectionFactory, own_article
from tests.images import claimed_jpeg, claimed_png, encoded
from tests.test_article_admin import form_data
from tests.test_outages import database_down, redis_down
from tests.test_uploads import POLYGLOT_TAIL

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
    client.force_login(journalist)
    article = Article(section=SectionFactory(), location="Hải Phòng", sapo=SAPO, body=TYPED_BODY)
    data = form_data(article, **{"title": "Tiêu đề bình thường", "authors": [], **payload})
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
    # Our own script, by src (the share button, issue #13), is the only one the page loads.
    page = page.replace('<script src="/static/articles/share.js" defer></script>', "", 1)
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


def _stored_file_is_clean(photo):
    with photo.image.open("rb") as stored:
        data = stored.read()
    return b"<html" not in data and b"<script" not in data


def _photo_form(client, journalist, payload):
    name, data = payload
    client.force_login(journalist)
    upload = SimpleUploadedFile(name, data)
    response = client.post(
        reverse("admin:articles_photo_add"),
        {"image": upload, "caption": "Chú thích đã gõ", "credit": "Hoàng Tùng", "alt_text": ""},
    )
    if response.status_code == 302:
        photo = Photo.objects.latest("pk")
        return "lưu: sạch" if _stored_file_is_clean(photo) else "lưu: bẩn"
    assert response.status_code == 200, response.status_code
    assert not Photo.objects.exists()
    assert "Chú thích đã gõ" in response.content.decode()  # nothing lost
    return "lỗi: " + ",".join(sorted(response.context["adminform"].form.errors))


def _picker_upload(client, journalist, payload):
    name, data = payload
    client.force_login(journalist)
    response = client.post(
        reverse("admin:articles_photo_upload"),
        {"image": SimpleUploadedFile(name, data), "caption": "Thử"},
    )
    if response.status_code == 201:
        photo = Photo.objects.get(pk=response.json()["photo"]["id"])
        return "201: sạch" if _stored_file_is_clean(photo) else "201: bẩn"
    return f"{response.status_code}: " + ",".join(sorted(response.json()["errors"]))


def _orm_photo(payload):
    name, data = payload
    try:
        photo = Photo.objects.create(image=ContentFile(data, name=name), caption="Nhập từ kho")
    except ValidationError as error:
        return "từ chối: " + ",".join(sorted(error.message_dict))
    return "lưu: sạch" if _stored_file_is_clean(photo) else "lưu: bẩn"


def _with_redis_down(path):
    """A reader's request with the page cache on and Redis refusing connections."""
    ArticleFactory(live=True, title="Hải Phòng mở tuyến xe buýt điện")
    cachesafe.reset()
    try:
        with redis_down():
            response = Client(raise_request_exception=False).get(path)
    finally:
        cachesafe.reset()
    return str(response.status_code)


def _with_database_down(path, user):
    client = Client(raise_request_exception=False)
    if path.startswith("/admin/"):
        client.force_login(user)  # the session is then read from the database
    with database_down():
        response = client.get(path)
    retry = " Retry-After" if response.has_header("Retry-After") else ""
    return f"{response.status_code}{retry}"


def _request(client, payload, user=None):
    """``(method, path)`` as a monitor, a crawler or an attacker sends it: the status."""
    method, path = payload
    if user is not None:
        client.force_login(user)
    article = ArticleFactory(live=True)
    path = path.replace("{article}", article.get_absolute_url())
    response = client.generic(method, path)
    allow = f" Allow: {response['Allow']}" if response.has_header("Allow") else ""
    return f"{response.status_code}{allow}"


def _link_related(client, journalist, other_journalist, whose):
    """A journalist's own draft, posted with a related article: another's draft or a live one."""
    mine = own_article(journalist)
    target = (
        own_article(other_journalist, title="Bản nháp của người khác")
        if whose == "nháp của người khác"
        else ArticleFactory(live=True)
    )
    client.force_login(journalist)
    data = form_data(mine, rows=[{"id": "", "to_article": target.pk, "position": 0}])
    response = client.post(reverse("admin:articles_article_change", args=[mine.pk]), data)
    links = list(mine.related_links.values_list("to_article_id", flat=True))
    if response.status_code == 302:
        return f"lưu: {len(links)} liên kết"
    assert response.status_code == 200 and links == []
    assert mine.sapo in response.content.decode()  # nothing lost
    return "lỗi: bài liên quan"


def _login(client, payload):
    username, next_url = payload
    response = client.post(
        f"{reverse('admin:login')}?next={next_url}",
        {"username": username, "password": "mat-khau-thu-nghiem"},
    )
    if response.status_code == 302:
        return f"302 → {response['Location']}"
    page = response.content.decode()
    assert username[:100] in page  # what was typed comes back
    return f"{response.status_code}: lỗi"


def _cache_flood(client, paths):
    """Anonymous requests for ``paths`` with the page cache on: pages stored."""
    ArticleFactory(live=True)
    for path in paths:
        assert client.get(path).status_code == 200
    return f"{sum(client.get(path)['X-Page-Cache'] == 'hit' for path in paths)} trúng"


LONG_TAG = "Thẻ rất dài " * 12  # 144 characters
JPEG_POLYGLOT = encoded("JPEG") + POLYGLOT_TAIL
PNG_POLYGLOT = encoded("PNG") + POLYGLOT_TAIL


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
    # Uploads: refused from the header before decoding; what is stored is re-encoded.
    Case("PNG khai 13000×13000", "form ảnh", ("bom.png", claimed_png(13000, 13000)), "lỗi: image"),
    Case(
        "JPEG khai 10000×10000", "form ảnh", ("bom.jpg", claimed_jpeg(10000, 10000)), "lỗi: image"
    ),
    Case("JPEG kèm HTML", "form ảnh", ("anh.jpg", JPEG_POLYGLOT), "lưu: sạch"),
    Case("tệp rỗng", "form ảnh", ("rong.jpg", b""), "lỗi: image"),
    Case(
        "văn bản đặt tên .jpg", "form ảnh", ("gia.jpg", b"<html>not an image</html>"), "lỗi: image"
    ),
    Case(
        "PNG khai 13000×13000",
        "tải ảnh trong trình soạn",
        ("b.png", claimed_png(13000, 13000)),
        "400: image",
    ),
    Case("PNG kèm HTML", "tải ảnh trong trình soạn", ("a.png", PNG_POLYGLOT), "201: sạch"),
    Case("GIF", "tải ảnh trong trình soạn", ("a.gif", encoded("GIF")), "400: image"),
    Case("PNG khai 8000×6000", "ORM Photo", ("b.png", claimed_png(8000, 6000)), "từ chối: image"),
    Case("JPEG kèm HTML", "ORM Photo", ("a.jpg", JPEG_POLYGLOT), "lưu: sạch"),
    # Outages: Redis refusing connections serves pages uncached; a dead database, 503.
    Case("trang chủ", "Redis đóng cổng", "/", "200"),
    Case("tìm kiếm", "Redis đóng cổng", "/tim-kiem/?q=Hải+Phòng", "200"),
    Case("RSS", "Redis đóng cổng", "/rss.xml", "200"),
    Case("sitemap", "Redis đóng cổng", "/sitemap.xml", "200"),
    Case("healthz", "Redis đóng cổng", "/healthz", "200"),
    Case("trang chủ", "PostgreSQL đóng cổng", "/", "503 Retry-After"),
    Case("RSS", "PostgreSQL đóng cổng", "/rss.xml", "503 Retry-After"),
    Case("trang quản trị", "PostgreSQL đóng cổng", "/admin/", "503 Retry-After"),
    Case("chuyên mục", "PostgreSQL đóng cổng", "/chuyen-muc/thoi-su/", "503 Retry-After"),
    # Requests: methods, parameters, who may link what, login.
    Case("HEAD trang bài", "yêu cầu ẩn danh", ("HEAD", "{article}"), "200"),
    Case("HEAD trang chủ", "yêu cầu ẩn danh", ("HEAD", "/"), "200"),
    Case(
        "OPTIONS RSS", "yêu cầu ẩn danh", ("OPTIONS", "/rss.xml"), "200 Allow: GET, HEAD, OPTIONS"
    ),
    Case("TRACE RSS", "yêu cầu ẩn danh", ("TRACE", "/rss.xml"), "405 Allow: GET, HEAD, OPTIONS"),
    Case(
        "POST sitemap",
        "yêu cầu ẩn danh",
        ("POST", "/sitemap.xml"),
        "405 Allow: GET, HEAD, OPTIONS",
    ),
    Case("NUL trong tìm kiếm", "yêu cầu ẩn danh", ("GET", "/tim-kiem/?q=%00"), "400"),
    Case(
        "trang số vượt bigint",
        "yêu cầu ẩn danh",
        ("GET", "/tim-kiem/?q=a&trang=" + "9" * 30),
        "404",
    ),
    Case(
        "NUL trong chọn ảnh",
        "yêu cầu biên tập",
        ("GET", "/admin/articles/photo/picker/?q=%00"),
        "400",
    ),
    Case(
        "trang chọn ảnh vượt bigint",
        "yêu cầu biên tập",
        ("GET", "/admin/articles/photo/picker/?page=" + "9" * 30),
        "200",
    ),
    Case(
        "NUL trong gợi ý thẻ",
        "yêu cầu biên tập",
        (
            "GET",
            "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=tags",
        ),
        "400",
    ),
    Case(
        "lịch năm 1",
        "yêu cầu biên tập",
        ("GET", "/admin/articles/article/lich/?ngay=0001-01-01"),
        "200",
    ),
    Case(
        "lịch năm 9999, tháng",
        "yêu cầu biên tập",
        ("GET", "/admin/articles/article/lich/?ngay=9999-12-31&xem=month"),
        "200",
    ),
    Case(
        "lọc năm 9999",
        "yêu cầu biên tập",
        ("GET", "/admin/articles/article/?published_at__year=9999"),
        "302",
    ),
    Case(
        "nháp của người khác",
        "liên kết bài liên quan",
        "nháp của người khác",
        "lỗi: bài liên quan",
    ),
    Case("bài đã đăng", "liên kết bài liên quan", "bài đã đăng", "lưu: 1 liên kết"),
    Case("tên đăng nhập 300 ký tự", "đăng nhập", ("x" * 300, "/admin/"), "200: lỗi"),
    Case("next ngoài trang", "đăng nhập", ("bientap", "https://evil.example/"), "302 → /admin/"),
    Case(
        "tham số ngẫu nhiên", "bộ nhớ đệm trang", ["/?x=1", "/?x=2", "/?utm_source=z"], "3 trúng"
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_input(case, client, journalist, other_journalist, editor, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    doors = {
        "form bài viết": lambda p: _article_form(client, journalist, p),
        "ORM Article": _orm_article,
        "form chuyên mục": lambda p: _section_form(client, editor, p),
        "ORM Section": _orm_section,
        "slug": _slug,
        "ORM body → trang đọc": lambda p: _orm_body_on_reader_page(client, p),
        "ORM tags.add": _orm_tags,
        "form thẻ": lambda p: _tag_form(client, editor, p),
        "form ảnh": lambda p: _photo_form(client, journalist, p),
        "tải ảnh trong trình soạn": lambda p: _picker_upload(client, journalist, p),
        "ORM Photo": _orm_photo,
        "Redis đóng cổng": _with_redis_down,
        "PostgreSQL đóng cổng": lambda p: _with_database_down(p, editor),
        "yêu cầu ẩn danh": lambda p: _request(client, p),
        "yêu cầu biên tập": lambda p: _request(client, p, editor),
        "liên kết bài liên quan": lambda p: _link_related(client, journalist, other_journalist, p),
        "đăng nhập": lambda p: _login(client, p),
        "bộ nhớ đệm trang": lambda p: _cache_flood(client, p),
    }
    assert doors[case.door](case.payload) == case.outcome


def test_sections_without_latin_letters_keep_the_sitemap_working(client):
    """Sections named only in other scripts or symbols still get distinct, working URLs."""
    for name in ["東京", "★", "☆", "Ελλάδα", "🌧️"]:
        ArticleFactory(section=Section.objects.create(name=name), live=True)
    assert client.get(reverse("sitemap")).status_code == 200
    response = client.get(reverse("sitemap-section", kwargs={"section": "chuyen-muc"}))
    assert response.status_code == 200
    for section in Section.objects.all():
        assert section.get_absolute_url() in response.content.decode()


def test_table_covers_every_class():
    assert len(CASES) >= 60
