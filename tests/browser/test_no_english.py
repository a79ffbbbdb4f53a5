"""No English left in the admin or the reader site (issue #10): every admin page a
journalist or an editor opens, as Chromium shows it (the editor's menus and select2
included), and every kind of reader page, is searched for English words of the kind
Django, its apps and the editor's bundle are written in."""

import re

import pytest

from articles import preview, publishing
from articles.models import Article, RelatedArticle
from tests.factories import (
    ArticleFactory,
    HotlineBannerFactory,
    PhotoFactory,
    SectionFactory,
    staff_member,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Words of the admin's, its apps' and the editor's own English, matched as whole words,
# case-sensitive (as they are shown: buttons, headings, labels, menus). Not "Enter": the
# key is called so on Vietnamese keyboards too ("Enter hoặc dấu phẩy để thêm thẻ mới").
ENGLISH = re.compile(
    r"\b(Save|Delete|Add|Search|Filter|Paragraph|Heading|History|Change|Select|Tags?|"
    r"Home|Log out|View site|Password|Show|Clear|Choose|Today|Now|Yes|No|Close|Upload|"
    r"Bold|Italic|Underline|Strike|Link|Unlink|Version|Undo|Redo|Remove|Insert|Cancel|"
    r"Submit|Previous|Next|Edit|Preview|Author|Title|Body|Caption|Credit|Loading|Error|"
    r"Required|None|Welcome|Documentation|Actions?|Go|Run|Recent|My actions|Unknown|"
    r"Searching|Please|results?|characters?|Blockquote|Ordered list|Bullet list|"
    r"Horizontal rule|Hard break|Image|Photo|Section|Date|Time|Status|Draft|Published|"
    r"Submitted|Returned|Scheduled|Calendar|Week|Month|Day|Object|Model|Field|Value)\b"
)
# And what reader sites of the kind say (pagination, "read more", empty lists, errors).
READER_ENGLISH = re.compile(
    ENGLISH.pattern
    + r"|\b(Page|Older|Newer|First|Last|Skip|Share|Related|Latest|More|Read|Back|Not found|"
    r"Sorry|Menu|Subscribe|Comments?|min read|Top|Main|Breadcrumbs?|Pagination|"
    r"Navigation|Footer|Header|Posted|Updated|by|of|the|and|for)\b"
)
EDITOR = ".prose-editor .ProseMirror[contenteditable=true]"


def english_on(page, words=ENGLISH) -> list[str]:
    """English words in what the page shows (visible text, button values, placeholders,
    titles and accessible names of controls, images' alt text, the description search
    engines and shares show)."""
    texts = page.evaluate(
        """() => {
            const out = [document.body.innerText, document.title];
            for (const meta of document.querySelectorAll(
                'meta[name=description], meta[property="og:image:alt"],'
                + ' meta[name="twitter:image:alt"]'
            )) out.push(meta.content);
            for (const el of document.querySelectorAll(
                'input[type=submit], input[type=button], button, [placeholder], [title],'
                + ' [aria-label], option, img[alt]'
            )) {
                if (el.closest('[hidden]') || el.closest('template')) continue;
                for (const attr of ['value', 'placeholder', 'title', 'aria-label', 'alt']) {
                    if ((el.type === 'submit' || el.type === 'button' || attr !== 'value')
                        && el.getAttribute(attr)) out.push(el.getAttribute(attr));
                }
                if (el.tagName === 'OPTION') out.push(el.textContent);
            }
            return out;
        }"""
    )
    return sorted({"".join(m) for text in texts for m in words.findall(text or "")})


def open_editor_menus(page):
    """The editor's dropdowns (block type) list their items only when opened."""
    for trigger in page.locator(".prose-menubar .prose-menubar__dropdown").all():
        trigger.click()
        page.wait_for_timeout(100)


def test_no_english_on_any_admin_page(page, live_server, admin_login, newsroom_groups):
    journalist = staff_member(
        "Phóng viên", username="phongvien-tv", first_name="Thu Hà", last_name="Nguyễn"
    )
    editor = staff_member(
        "Biên tập viên", username="bientap-tv", first_name="Minh", last_name="Trần"
    )
    section = SectionFactory(name="Thời sự")
    photo = PhotoFactory(caption="Cảng Lạch Huyện", credit="Hoàng Tùng")
    HotlineBannerFactory()
    draft = ArticleFactory(
        created_by=journalist,
        section=section,
        title="Bài đang viết",
        body=f'<p>Đoạn.</p><figure class="news-photo" data-photo-id="{photo.pk}"></figure>',
    )
    draft.authors.add(journalist)
    draft.tags.add("cảng biển")
    submitted = ArticleFactory(created_by=journalist, section=section, title="Bài chờ duyệt")
    submitted.authors.add(journalist)
    publishing.submit(submitted, by=journalist)
    live = ArticleFactory(live=True, section=section, title="Bài đã lên")
    live.title = "Bài đã lên, sửa"
    publishing.save_edit(live, by=editor, version=live.version, publish_now=True)
    record = live.history.order_by("history_id").first()
    # And an edit of it waiting for "Cập nhật bài": the form shows it, with the diff.
    live.sapo = "Sapo viết lại, chưa xuất bản."
    publishing.stage_edit(live, by=editor, version=live.version, tags=[], authors=[], related=[])

    found = {}
    for user, paths in [
        (
            journalist,
            [
                "/admin/",
                "/admin/articles/article/",
                "/admin/articles/article/add/",
                f"/admin/articles/article/{draft.pk}/change/",
                f"/admin/articles/article/{submitted.pk}/change/",
                f"/admin/articles/article/{draft.pk}/history/",
                "/admin/articles/article/ban-nhap/",
                "/admin/articles/photo/",
                "/admin/articles/photo/add/",
                "/admin/articles/photo/multi-upload/",
                f"/admin/articles/photo/{photo.pk}/change/",
                "/admin/password_change/",
            ],
        ),
        (
            editor,
            [
                "/admin/",
                "/admin/articles/article/?trang_thai=submitted",
                f"/admin/articles/article/{submitted.pk}/change/",
                f"/admin/articles/article/{live.pk}/change/",
                f"/admin/articles/article/{live.pk}/history/",
                f"/admin/articles/article/{live.pk}/history/so-sanh/?a={record.history_id}",
                "/admin/articles/article/lich/",
                "/admin/articles/article/lich/?xem=month",
                "/admin/articles/section/",
                "/admin/articles/section/add/",
                "/admin/articles/tag/",
                "/admin/articles/hotlinebanner/",
                "/admin/articles/hotlinebanner/add/",
            ],
        ),
    ]:
        page.context.clear_cookies()
        admin_login(user)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            if page.locator(EDITOR).count():
                open_editor_menus(page)
            words = english_on(page)
            if words:
                found[f"{user.username} {path}"] = words
    assert found == {}, "\n".join(f"{where}: {words}" for where, words in found.items())
    assert Article.objects.count() == 3


def test_no_english_on_any_reader_page(page, live_server, settings):
    settings.NEWSROOM_SITE_NAME = "Báo Thử"
    HotlineBannerFactory()
    section = SectionFactory(name="Môi trường")
    author = staff_member(
        "Phóng viên", username="phongvien-doc", first_name="Thu Hà", last_name="Nguyễn"
    )
    lead = PhotoFactory(caption="Khu công nghiệp Nam Đình Vũ", credit="Hoàng Tùng")
    inline = PhotoFactory(caption="Công nhân lắp tấm pin mặt trời", credit="")
    # A full page of the section and more: the section's list has a second page.
    ArticleFactory.create_batch(21, live=True, section=section)
    picked = ArticleFactory(live=True, title="Trà Vinh phát triển điện gió ven biển")
    article = ArticleFactory(
        live=True,
        section=section,
        title="Hải Phòng đẩy mạnh chuyển đổi xanh các khu công nghiệp",
        body=f'<p>Đoạn một.</p><figure class="news-photo" data-photo-id="{inline.pk}">'
        "</figure><p>Đoạn hai.</p>",
        lead_photo=lead,
        byline="Cộng tác viên Minh An",
    )
    article.authors.add(author)
    article.tags.add("chuyển đổi xanh", "khu công nghiệp")
    RelatedArticle.objects.create(from_article=article, to_article=picked)

    pages = {
        "/": "Tin mới",
        section.get_absolute_url(): "Trang sau",
        "/the/chuyen-doi-xanh/": "chuyển đổi xanh",
        f"/tac-gia/{author.pk}/": "Nguyễn Thu Hà",
        article.get_absolute_url(): "Xem thêm",
        "/tim-kiem/": "Nhập từ khoá",
        "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+xanh": "Kết quả cho",
        "/tim-kiem/?q=kh%C3%B4ng+c%C3%B3+b%C3%A0i+n%C3%A0o+nh%C6%B0+v%E1%BA%ADy": "Không có",
        "/khong-co-trang-nay/": "Không tìm thấy trang",
        preview.preview_url(article): "Bản xem trước",
    }
    found = {}
    for path, expected in pages.items():
        page.goto(f"{live_server.url}{path}")
        assert expected in page.locator("body").inner_text(), path
        if path == section.get_absolute_url():  # and its second page, by its own link
            words = english_on(page, READER_ENGLISH)
            if words:
                found[path] = words
            page.locator(".pagination a[rel=next]").click()
            page.wait_for_url(re.compile(r"/chuyen-muc/[^?]+/\?."))
            assert "Trang trước" in page.locator("body").inner_text()
            path = page.url.removeprefix(live_server.url)
        assert page.evaluate("document.documentElement.lang") == "vi", path
        words = english_on(page, READER_ENGLISH)
        if words:
            found[path] = words
    # The article page's parts were there to be read.
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator(".body figure img").count() == 1
    assert page.locator(".tags a").count() == 2
    assert found == {}, "\n".join(f"{where}: {words}" for where, words in found.items())
