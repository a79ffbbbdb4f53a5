"""What the read API answers, as pydantic models: the OpenAPI document is made from them.

Endpoints build plain dicts (``articles/api/data.py``); ninja validates them against these
models on the way out, so a response that drifted from its documented shape is a server
error in the tests, not a surprise for an app.
"""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt.")


class Rendition(Schema):
    url: str
    width: int
    height: int
    type: str = Field(description="Kiểu MIME: image/webp hoặc image/jpeg.")


class Photo(Schema):
    id: int
    caption: str
    credit: str
    credit_line: str = Field(description="Như in dưới ảnh: “Ảnh: Hoàng Tùng.”")
    alt: str
    width: int
    height: int
    renditions: list[Rendition] = Field(description="Cả bức ảnh, từ nhỏ đến lớn, bản JPEG cuối.")
    card: list[Rendition] = Field(description="Ảnh cắt 3:2 của thẻ danh sách; rỗng nếu chưa cắt.")


class SectionRef(Schema):
    id: int
    name: str
    slug: str
    url: str


class Section(SectionRef):
    parent: int | None
    children: list[SectionRef]


class SectionList(Schema):
    items: list[Section]


class TagRef(Schema):
    id: int
    name: str
    slug: str
    url: str


class TagList(Schema):
    items: list[TagRef]
    next: str | None = Field(description="Địa chỉ trang sau; null ở trang cuối.")


class Author(Schema):
    id: int
    name: str
    url: str


class ArticleSummary(Schema):
    id: int
    title: str
    url: str = Field(description="Trang bài cho bạn đọc.")
    api_url: str
    section: SectionRef
    location: str
    sapo: str
    published_at: datetime
    updated_at: datetime
    lead_photo: Photo | None


class ArticleList(Schema):
    items: list[ArticleSummary]
    next: str | None = Field(description="Địa chỉ trang sau; null ở trang cuối.")


class SearchResults(Schema):
    query: str
    page: int
    items: list[ArticleSummary]
    next: str | None


class Inline(Schema):
    text: str
    html: str = Field(description="Chỉ thẻ trong dòng: strong, em, a href, br.")


class Paragraph(Inline):
    type: Literal["paragraph"]


class Heading(Inline):
    type: Literal["heading"]
    level: int


class ListItem(Inline):
    lists: list["ListBlock"]


class ListBlock(Schema):
    type: Literal["list"]
    ordered: bool
    start: int
    items: list[ListItem]


class Quote(Schema):
    type: Literal["quote"]
    paragraphs: list[Inline]


class Figure(Schema):
    type: Literal["figure"]
    photo: Photo


Block = Annotated[Paragraph | Heading | ListBlock | Quote | Figure, Field(discriminator="type")]


class ArticleDetail(ArticleSummary):
    byline: str
    authors: list[Author]
    tags: list[TagRef]
    blocks: list[Block]


ListItem.model_rebuild()
