"""An article body as structured blocks, for the read API (issue #13).

Apps do not render our HTML: they get the body as a list of blocks, each a dict with a
``type``: ``paragraph`` and ``heading`` (``text``, and ``html`` holding only the inline
markup the editor makes: ``strong``, ``em``, ``a href``, ``br``), ``list`` (``ordered``,
``items``, each item's own ``text``/``html`` and its nested ``lists``), ``quote`` (its
``paragraphs``) and ``figure`` (the library photo, as ``articles.api.photos`` describes it).

The body is sanitised again first, as ``richtext.render_body`` does for the page, so the
parser only ever sees the editor's allowlist; anything else it meets (a stray text at the
top level) becomes a paragraph rather than being lost. A figure whose photo is gone from
the library vanishes, as on the page; one nested inside another block (the editor does not
make it) is left out of that block's text.
"""

from html import escape
from html.parser import HTMLParser

from articles.api.photos import photo_data

INLINE = {"strong", "em", "a", "br"}
VOID = {"br"}
HEADINGS = {"h2": 2, "h3": 3}


class _Node:
    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children = tag, attrs, []


class _TreeBuilder(HTMLParser):
    """The sanitised body as a tree of ``_Node`` and text; unmatched end tags ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("body", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return builder.root


def inline(children) -> dict:
    """``text`` (a ``br`` is a newline) and ``html`` (inline markup only) of ``children``."""
    text, html = [], []
    for child in children:
        if isinstance(child, str):
            text.append(child)
            html.append(escape(child, quote=False))
        elif child.tag == "br":
            text.append("\n")
            html.append("<br>")
        elif child.tag in INLINE:
            inner = inline(child.children)
            text.append(inner["text"])
            if child.tag == "a":
                href = escape(child.attrs.get("href", ""), quote=True)
                html.append(f'<a href="{href}">{inner["html"]}</a>')
            else:
                html.append(f"<{child.tag}>{inner['html']}</{child.tag}>")
        elif child.tag != "figure":
            inner = inline(child.children)  # a block inside a block: its words, kept
            text.append(inner["text"])
            html.append(inner["html"])
    return {"text": "".join(text).strip(), "html": "".join(html).strip()}


def _lines(parts: list[dict]) -> dict:
    """Several paragraphs of one item as one text, a line break between them."""
    parts = [part for part in parts if part["text"] or part["html"]]
    return {
        "text": "\n".join(part["text"] for part in parts),
        "html": "<br>".join(part["html"] for part in parts),
    }


def _list(node: _Node) -> dict:
    items = []
    for li in node.children:
        if isinstance(li, str) or li.tag != "li":
            continue
        lists = [child for child in li.children if _is(child, "ul", "ol")]
        rest = [child for child in li.children if not _is(child, "ul", "ol")]
        paragraphs = _paragraphs(rest)
        items.append({**_lines(paragraphs), "lists": [_list(child) for child in lists]})
    block = {"type": "list", "ordered": node.tag == "ol", "items": items}
    start = node.attrs.get("start", "")
    block["start"] = int(start) if node.tag == "ol" and start.isdigit() else 1
    return block


def _paragraphs(children) -> list[dict]:
    """Each ``p`` its own paragraph; loose inline content between them one more."""
    paragraphs, loose = [], []
    for child in children:
        if _is(child, "p"):
            if loose:
                paragraphs.append(inline(loose))
                loose = []
            paragraphs.append(inline(child.children))
        else:
            loose.append(child)
    if loose:
        paragraphs.append(inline(loose))
    return [p for p in paragraphs if p["text"] or p["html"]]


def _is(child, *tags) -> bool:
    return not isinstance(child, str) and child.tag in tags


def _figure(node: _Node, photos_by_id: dict) -> dict | None:
    photo_id = node.attrs.get("data-photo-id", "")
    photo = photos_by_id.get(int(photo_id)) if photo_id.isdigit() else None
    return None if photo is None else {"type": "figure", "photo": photo_data(photo)}


def blocks(html: str, photos_by_id: dict) -> list[dict]:
    """The blocks of a body; ``photos_by_id`` as ``Photo.objects.in_bulk(photo_ids(html))``."""
    from articles.models.article import sanitize_body

    result, loose = [], []

    def flush():
        if loose:
            paragraph = inline(loose)
            if paragraph["text"] or paragraph["html"]:
                result.append({"type": "paragraph", **paragraph})
            loose.clear()

    for child in parse(sanitize_body(html)).children:
        if isinstance(child, str) or child.tag in INLINE:
            loose.append(child)
            continue
        flush()
        if child.tag == "p":
            paragraph = inline(child.children)
            if paragraph["text"] or paragraph["html"]:
                result.append({"type": "paragraph", **paragraph})
        elif child.tag in HEADINGS:
            level = HEADINGS[child.tag]
            result.append({"type": "heading", "level": level, **inline(child.children)})
        elif child.tag in ("ul", "ol"):
            result.append(_list(child))
        elif child.tag == "blockquote":
            result.append({"type": "quote", "paragraphs": _paragraphs(child.children)})
        elif child.tag == "figure":
            figure = _figure(child, photos_by_id)
            if figure is not None:
                result.append(figure)
        else:
            loose.append(child)
    flush()
    return result
