"""The doors of tests/test_hostile_input.py's table: each takes a case's payload in by one way
text or a request reaches the system (an admin form, the ORM, the reader site, the login
page, Redis or PostgreSQL down) and returns what was observed as a short string."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles import cachesafe
from articles.models import Article, Photo, Section, Tag
from articles.text import vietnamese_slugify
from tests.article_forms import form_data
from tests.factories import ArticleFactory, SectionFactory, own_article
from tests.outages import database_down, redis_down

SAPO = "Sapo viết cho bài thử: người đọc phải thấy đoạn này nguyên vẹn."
TYPED_BODY = "<p>Đoạn văn phóng viên đã gõ, không được mất.</p>"


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
