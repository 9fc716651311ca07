"""Pages nested deeper than the HTML parser goes: flattened so that their text is read.

libxml2, under lxml and so under trafilatura, stops building the tree at 256
levels of elements ("Excessive depth in document") and silently drops what
lies below: a story wrapped in 255 ``<div>`` comes out empty. Raising the
limit (``huge_tree``) only moves it to 2,048, and a page can nest deeper.

So a page that reaches the limit is rewritten first: elements beyond
``MAX_DEPTH`` levels lose their tags and keep their text, except the blocks
that make paragraphs (``<p>``, headings, list items...), kept one level deep,
so that the text still reads as paragraphs. The rewrite is one pass of the
standard library's tokenizer, whatever the depth; pages within the limit
are never rewritten.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import lxml.etree
import lxml.html

# Below libxml2's 256, with room for what trafilatura wraps around a page.
MAX_DEPTH = 200
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Blocks that make a paragraph of text, kept below MAX_DEPTH (never inside one another).
_PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dt dd figcaption".split())
# Kept at any depth: nothing nests inside them, and without their tags their
# content would read as text.
_RAW_TEXT = frozenset(("script", "style", "textarea", "title"))


def too_deep(html: str) -> bool:
    """Whether lxml's HTML parser stops short of the bottom of ``html``."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False  # empty or not HTML: trafilatura says why
    return any("Excessive depth" in error.message for error in parser.error_log)


def flatten(html: str) -> str:
    """``html`` with no element deeper than ``MAX_DEPTH`` + 1 levels; the text unchanged."""
    writer = _Flattener()
    writer.feed(html)
    writer.close()
    return "".join(writer.out)


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, written) of each open element
        self._count: Counter[str] = Counter()  # open elements by tag
        self._written = 0  # how many of them were written
        self._in_paragraph = 0  # open paragraph blocks written below MAX_DEPTH

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag in _VOID:
            if self._written < MAX_DEPTH or tag == "br":
                self.out.append(raw)
            return
        write = (
            self._written < MAX_DEPTH
            or tag in _RAW_TEXT
            or (tag in _PARAGRAPHS and not self._in_paragraph)
        )
        if write and self._written >= MAX_DEPTH:
            self._in_paragraph += 1
        self._open.append((tag, write))
        self._count[tag] += 1
        self._written += write
        if write:
            self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._written < MAX_DEPTH:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self._count[tag]:
            return  # a stray end tag: nothing to close
        # Elements left open inside this one end with it, as a browser ends them
        # (each element is closed once: linear time however deep).
        name = ""
        while name != tag:
            name, written = self._open.pop()
            self._count[name] -= 1
            if written:
                self._written -= 1
                if self._written >= MAX_DEPTH:
                    self._in_paragraph -= 1
                self.out.append(f"</{name}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
