"""``articles/api/blocks.py``: a sanitised body as the read API's blocks."""

import pytest

from articles.api.blocks import blocks
from tests.factories import PhotoFactory


def test_paragraphs_keep_inline_markup_and_give_plain_text():
    body = (
        '<p>Mở <strong>đầu</strong>, <em>nghiêng</em> và <a href="https://a.vn/?x=1&amp;y=2">'
        "liên kết</a>.<br>Dòng hai.</p>"
    )
    (paragraph,) = blocks(body, {})
    assert paragraph == {
        "type": "paragraph",
        "text": "Mở đầu, nghiêng và liên kết.\nDòng hai.",
        "html": "Mở <strong>đầu</strong>, <em>nghiêng</em> và "
        '<a href="https://a.vn/?x=1&amp;y=2">liên kết</a>.<br>Dòng hai.',
    }


def test_text_is_unescaped_and_html_escaped_again():
    (paragraph,) = blocks("<p>1 &lt; 2 &amp; &quot;trích&quot; &lt;script&gt;</p>", {})
    assert paragraph["text"] == '1 < 2 & "trích" <script>'
    assert paragraph["html"] == '1 &lt; 2 &amp; "trích" &lt;script&gt;'


def test_headings_with_their_level():
    result = blocks("<h2>Lớn</h2><h3>Nhỏ <em>hơn</em></h3>", {})
    assert [(b["type"], b["level"], b["html"]) for b in result] == [
        ("heading", 2, "Lớn"),
        ("heading", 3, "Nhỏ <em>hơn</em>"),
    ]


def test_lists_ordered_with_start_and_nested():
    body = (
        '<ol start="3"><li><p>Ba</p></li><li><p>Bốn</p><ul><li><p>Bốn a</p></li></ul></li></ol>'
        "<ul><li>Không có p</li></ul>"
    )
    ordered, bullets = blocks(body, {})
    assert ordered["type"] == "list" and ordered["ordered"] and ordered["start"] == 3
    assert [i["text"] for i in ordered["items"]] == ["Ba", "Bốn"]
    (nested,) = ordered["items"][1]["lists"]
    assert not nested["ordered"] and nested["items"][0]["text"] == "Bốn a"
    assert bullets["start"] == 1 and bullets["items"][0]["text"] == "Không có p"


def test_quotes_keep_their_paragraphs():
    (quote,) = blocks(
        "<blockquote><p>Câu một.</p><p>Câu <strong>hai</strong>.</p></blockquote>", {}
    )
    assert quote == {
        "type": "quote",
        "paragraphs": [
            {"text": "Câu một.", "html": "Câu một."},
            {"text": "Câu hai.", "html": "Câu <strong>hai</strong>."},
        ],
    }


@pytest.mark.django_db
def test_figures_come_from_the_library_and_a_deleted_photo_vanishes():
    photo = PhotoFactory(caption="Cảng Lạch Huyện", credit="Ảnh: Hoàng Tùng.", image__width=1000)
    body = (
        f'<p>Trước.</p><figure class="news-photo" data-photo-id="{photo.pk}"></figure>'
        '<figure class="news-photo" data-photo-id="999999"></figure><p>Sau.</p>'
    )
    result = blocks(body, {photo.pk: photo})
    assert [b["type"] for b in result] == ["paragraph", "figure", "paragraph"]
    figure = result[1]["photo"]
    assert figure["caption"] == "Cảng Lạch Huyện" and figure["credit"] == "Hoàng Tùng"
    assert figure["credit_line"] == "Ảnh: Hoàng Tùng."
    widths = [(r["width"], r["height"], r["type"]) for r in figure["renditions"]]
    assert widths[:2] == [(480, 432, "image/webp"), (800, 720, "image/webp")]
    assert widths[-1] == (800, 720, "image/jpeg")  # the fallback
    assert figure["card"][0]["width"] == 480 and figure["card"][0]["height"] == 320


def test_what_the_editor_cannot_make_is_gone_before_parsing():
    body = (
        '<p onclick="x()">A<script>alert(1)</script><img src=x onerror=y>'
        '<a href="javascript:alert(1)">b</a></p><div>lạc</div>'
    )
    result = blocks(body, {})
    flat = repr(result)
    assert "script" not in flat and "onerror" not in flat and "javascript" not in flat
    assert [b["text"] for b in result] == ["Ab", "lạc"]


def test_loose_text_becomes_a_paragraph_and_empty_paragraphs_are_dropped():
    result = blocks("Chữ rời <strong>đậm</strong><p></p><p> </p><h2>Đề</h2>đuôi", {})
    assert [(b["type"], b["text"]) for b in result] == [
        ("paragraph", "Chữ rời đậm"),
        ("heading", "Đề"),
        ("paragraph", "đuôi"),
    ]


@pytest.mark.parametrize("body", ["", None, "<p>", "</p></ul>", "<ul><li>"])
def test_empty_or_broken_bodies_give_no_error(body):
    assert isinstance(blocks(body, {}), list)
