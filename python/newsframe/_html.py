"""HTML pages to article text and metadata, with the standard library only (``html.parser``).

What a page is reduced to: the headline (the page's ``<h1>``) as the first paragraph, then
the paragraphs of the article body, one blank line between paragraphs (the core reads line
breaks as paragraph and headline boundaries). Character references (``&amp;``, ``&rsquo;``,
``&#8217;``) are decoded; a no-break space becomes a plain space.

How the body is found (the approach of Mozilla's Readability, kept small):

1. Parse into a light tree (``html.parser`` never fails on malformed markup; unclosed
   ``<p>``, ``<li>`` and table cells are closed where a browser would close them).
2. Drop what is never article text: ``script``, ``style``, ``nav``, ``footer``, ``aside``,
   ``form``, ``iframe``, ``svg``, ..., the site's ``<header>`` (one outside the article),
   hidden elements, and elements whose ``class``, ``id`` or ``role`` says they are
   navigation, menus, share and social widgets, related links, newsletter and subscription
   promos, adverts, cookie banners, comments, bylines, tags or breadcrumbs. Blocks that are
   mostly link text (lists of links) go too.
3. Take the element marked ``itemprop="articleBody"`` when the page has one; otherwise score
   every block by the paragraphs under it (each paragraph of 25 characters or more gives
   ``1 + commas + length/100`` (at most 3 for length) to its parent, half to the grandparent, a
   third above), prefer ``<article>``/``<main>`` and content-like class names, and take the
   best, with its siblings that score well (the entries of a live blog).
4. Photo captions (``figcaption``) are left out: they repeat the story's events and carry
   photo credits that would become false names and sources. Live-blog entries are kept in
   page order, each heading and paragraph its own paragraph; their time stamps go (a bare
   clock time is not a sentence).

Metadata: the title from JSON-LD ``headline``, ``og:title`` or the ``<h1>`` (the
``<title>`` without its " | Site" tail as the last resort); the publication date from JSON-LD
``datePublished`` (also inside ``@graph`` and lists), ``article:published_time``,
``<meta name="date"|"pubdate"|...>`` or a ``<time datetime>``, as an ISO 8601 string; the
author from JSON-LD ``author``, ``<meta name="author">`` or a byline element; the URL from
``og:url`` or ``<link rel="canonical">``.

Examples
--------
>>> page = parse_html('''<html><head><meta property="article:published_time" content="2022-09-13T08:00:00Z">
... </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
... <article><h1>Drones hit Odesa port</h1><p>Russian drones struck the port of Odesa overnight,
... the regional governor said on Tuesday.</p><p>Nobody was hurt, he said.</p></article>
... <footer>&copy; 2022 The Daily Example</footer></body></html>''')
>>> print(page.text)
Drones hit Odesa port
<BLANKLINE>
Russian drones struck the port of Odesa overnight, the regional governor said on Tuesday.
<BLANKLINE>
Nobody was hurt, he said.
>>> page.title, page.published
('Drones hit Odesa port', '2022-09-13T08:00:00Z')
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

__all__ = ["HtmlPage", "parse_html", "page_from_html", "html_to_text", "looks_like_html", "decode_html", "looks_binary",
           "EXTRACTORS"]

#: Extractors ``read_articles(html_extractor=...)`` and ``html_to_text(extractor=...)`` accept.
EXTRACTORS = ("builtin", "trafilatura")

# ----------------------------------------------------------------------- the tree
VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Never article text, whatever their attributes say.
DROP = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio form button select "
    "input textarea label nav footer aside dialog menu head figcaption".split()
)
BLOCK = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figure footer h1 h2 h3 h4 h5 h6 header "
    "hgroup hr li main ol p pre section summary table tbody thead tfoot tr ul caption center body html".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
CELLS = frozenset(("td", "th"))
# A start tag of one of these closes an open <p> (as browsers do).
_CLOSES_P = BLOCK - {"body", "html", "tbody", "thead", "tfoot", "tr", "caption"}
# ... but not across these.
_SCOPE = frozenset("div td th li article section main blockquote body html table figure".split())
MAX_DEPTH = 300  # deeper elements hand their content to their parent: no recursion limit


class Node:
    """An element: tag, attributes and children (elements and strings)."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: Dict[str, str], parent: Optional["Node"]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: List[Union["Node", str]] = []
        self.parent = parent

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.tag} {self.attrs}>"

    def elements(self) -> Iterator["Node"]:
        """This element and every element under it, in document order (no recursion)."""
        stack: List[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def text(self) -> str:
        """All text under this element, whitespace collapsed."""
        parts: List[str] = []
        stack: List[Union[Node, str]] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            else:
                stack.extend(reversed(item.children))
        return _collapse(" ".join(parts))


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack: List[Node] = [self.root]
        self.scripts: List[Tuple[Dict[str, str], List[str]]] = []  # JSON-LD bodies

    @property
    def current(self) -> Node:
        return self.stack[-1]

    def _close_to(self, tag: str, scope: "frozenset[str]") -> None:
        """Pop the innermost open ``tag`` if no ``scope`` element is open above it."""
        for i in range(len(self.stack) - 1, 0, -1):
            name = self.stack[i].tag
            if name == tag:
                del self.stack[i:]
                return
            if name in scope:
                return

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag in _CLOSES_P:
            self._close_to("p", _SCOPE)
        if tag == "li":
            self._close_to("li", frozenset(("ul", "ol", "body")))
        elif tag in CELLS:
            self._close_to("td", frozenset(("tr", "table")))
            self._close_to("th", frozenset(("tr", "table")))
        elif tag == "tr":
            self._close_to("tr", frozenset(("table",)))
        node = Node(tag, attr, self.current)
        self.current.children.append(node)
        if tag == "script" and "ld+json" in attr.get("type", "").lower():
            self.scripts.append((attr, []))
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        del self.stack[depth:]  # <div/>: an empty element

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is a line break in every browser
            self.handle_starttag("br", [])
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.current.tag == "script" and self.scripts and self.current.attrs is self.scripts[-1][0]:
            self.scripts[-1][1].append(data)
        self.current.children.append(data)


def _parse(html: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    try:
        builder.feed(html)
        builder.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; anything left is kept as parsed so far
        pass
    return builder


# ----------------------------------------------------------------------- text helpers
_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")


def _collapse(s: str) -> str:
    return _WS.sub(" ", s).strip()


# class/id/role words that mark boilerplate (matched against the words of the attribute,
# split at spaces, hyphens and underscores: "share-bar", "ad_slot", "cookieBanner" -> cookie)
_BOILERPLATE = frozenset(
    """nav navbar navigation menu menubar submenu breadcrumb breadcrumbs share sharing sharebar social
    related recommended recirculation outbrain taboola newsletter newsletters promo promotion promoted
    advert adverts advertisement advertising ad ads adslot adunit dfp sponsor sponsored cookie cookies
    consent gdpr comment comments disqus subscribe subscription paywall signup footer masthead byline
    author authors tags tag topics breadcrumbs sidebar rail widget popup modal overlay banner skip
    print mostread trending toolbar pagination pager hidden sr
    meta date dateline timestamp posted views""".split()
)
_ROLES = frozenset("navigation banner contentinfo complementary search dialog alertdialog menu menubar".split())
_GOOD = frozenset("article story body content entry post text main".split())
_WORDS = re.compile(r"[a-z]+|[A-Z][a-z]*")


def _words(value: str) -> List[str]:
    """``"share-bar cookieBanner ad_slot"`` -> ``['share', 'bar', 'cookie', 'banner', 'ad', 'slot']``."""
    return [w.lower() for w in _WORDS.findall(value)]


def _attr_words(node: Node) -> List[str]:
    return _words(node.attrs.get("class", "") + " " + node.attrs.get("id", ""))


def _is_hidden(node: Node) -> bool:
    style = node.attrs.get("style", "").replace(" ", "").lower()
    return (
        "hidden" in node.attrs
        or node.attrs.get("aria-hidden", "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_boilerplate(node: Node, in_article: bool) -> bool:
    """Whether ``node`` (with everything under it) is never article text."""
    tag = node.tag
    if tag in ("html", "body", "article", "main", "#root") or node.attrs.get("itemprop") == "articleBody":
        return False
    if tag in DROP or _is_hidden(node):
        return True
    if tag == "header" and not in_article:
        return True  # the site's header; the article's own header holds its headline
    if node.attrs.get("role", "").lower() in _ROLES:
        return True
    if tag == "time" and _is_entry_stamp(node):
        return True
    return any(w in _BOILERPLATE for w in _attr_words(node))


def _is_entry_stamp(node: Node) -> bool:
    """A ``<time>`` on a line of its own (a live-blog entry's stamp, an article's date
    line), not one inside a sentence: nothing but other stamps, links and spans beside it."""
    parent = node.parent
    if parent is None or parent.tag in ("p", "li", "td", "blockquote"):
        return False
    return all(
        isinstance(c, Node) and c.tag in ("time", "span", "a", "br") or isinstance(c, str) and len(_collapse(c)) <= 3
        for c in parent.children
    )


def _prune(root: Node) -> None:
    """Remove boilerplate elements from the tree, top down."""
    stack: List[Tuple[Node, bool]] = [(root, False)]
    while stack:
        node, in_article = stack.pop()
        in_article = in_article or node.tag in ("article", "main") or node.attrs.get("itemprop") == "articleBody"
        kept: List[Union[Node, str]] = []
        for child in node.children:
            if isinstance(child, Node):
                if _is_boilerplate(child, in_article):
                    continue
                stack.append((child, in_article))
            kept.append(child)
        node.children = kept


# ----------------------------------------------------------------------- lengths and links
class _Lengths:
    """Text length and link-text length of every element, computed once bottom-up."""

    def __init__(self, root: Node) -> None:
        self.text: Dict[int, int] = {}
        self.link: Dict[int, int] = {}
        order = list(root.elements())
        for node in reversed(order):
            t = link = 0
            for c in node.children:
                if isinstance(c, str):
                    n = len(_collapse(c))
                    t += n
                    link += n if node.tag == "a" else 0
                else:
                    t += self.text[id(c)]
                    link += self.text[id(c)] if node.tag == "a" else self.link[id(c)]
            self.text[id(node)] = t
            self.link[id(node)] = link

    def density(self, node: Node) -> float:
        t = self.text[id(node)]
        return self.link[id(node)] / t if t else 0.0


def _is_link_list(node: Node, lengths: _Lengths) -> bool:
    """A block that is mostly links: a list of links, a "Read more: ..." line."""
    if node.tag not in ("ul", "ol", "div", "section", "p", "table", "dl", "span") and node.tag not in HEADINGS:
        return False
    d = lengths.density(node)
    if node.tag == "p" or node.tag in HEADINGS:
        return d > 0.8 and lengths.text[id(node)] < 200
    return d > 0.5


# ----------------------------------------------------------------------- choosing the body
_MIN_PARAGRAPH = 25
_MIN_SCORE = 1.0  # one short paragraph with few links


def _own_chunks(node: Node) -> List[str]:
    """The text directly in ``node`` (and its inline children), split at ``<br>`` and blocks."""
    chunks: List[str] = []
    buf: List[str] = []
    for c in node.children:
        if isinstance(c, str):
            buf.append(c)
        elif c.tag == "br" or c.tag in BLOCK or c.tag in CELLS:
            chunks.append(_collapse("".join(buf)))
            buf = []
        else:
            buf.append(c.text() + " ")
    chunks.append(_collapse("".join(buf)))
    return [c for c in chunks if c]


def _paragraph_score(text: str) -> float:
    return 1.0 + text.count(",") + min(len(text) / 100.0, 3.0)


def _scores(root: Node, lengths: _Lengths) -> Dict[int, float]:
    """Readability-style scores: each paragraph feeds its ancestors (1, 1/2, 1/3)."""
    scores: Dict[int, float] = {}
    for node in root.elements():
        if node.tag in HEADINGS or node.tag in ("a", "#root"):
            continue
        for chunk in _own_chunks(node):
            if len(chunk) < _MIN_PARAGRAPH:
                continue
            s = _paragraph_score(chunk)
            target: Optional[Node] = node if node.tag != "p" else node.parent
            for level in range(3):
                if target is None or target.tag == "#root":
                    break
                scores[id(target)] = scores.get(id(target), 0.0) + s / (level + 1)
                target = target.parent
    nodes = {id(n): n for n in root.elements()}
    for key in scores:
        node = nodes[key]
        bonus = 1.0
        if node.tag in ("article", "main"):
            bonus += 0.25
        if any(w in _GOOD for w in _attr_words(node)):
            bonus += 0.25
        scores[key] *= bonus * (1.0 - lengths.density(node))
    return scores


def _is_paragraph_like(node: Node, lengths: _Lengths) -> bool:
    """A paragraph beside the body (a standfirst, a lead kept apart): 80 characters or more of
    text with few links, in a ``<p>`` or in a block holding at most two paragraphs."""
    if node.tag not in ("p", "div", "section", "blockquote") or lengths.text[id(node)] <= 80 or lengths.density(node) >= 0.25:
        return False
    blocks = [e for e in node.elements() if e is not node and (e.tag in BLOCK or e.tag in HEADINGS)]
    return len(blocks) <= 2


def _main_nodes(root: Node, lengths: _Lengths) -> List[Node]:
    """The element(s) holding the article body, in document order."""
    marked = [n for n in root.elements() if n.attrs.get("itemprop") == "articleBody" and lengths.text[id(n)] >= 100]
    if marked:
        return [max(marked, key=lambda n: lengths.text[id(n)])]
    scores = _scores(root, lengths)
    if not scores or max(scores.values()) < _MIN_SCORE:
        return []  # nothing but links and labels: no article on this page
    nodes = {id(n): n for n in root.elements()}
    best = nodes[max(scores, key=lambda k: scores[k])]
    parent = best.parent
    if parent is None or parent.tag == "#root":
        return [best]
    threshold = max(10.0, scores[id(best)] * 0.2)
    chosen: List[Node] = []
    for sib in parent.children:
        if not isinstance(sib, Node):
            continue
        if sib is best or scores.get(id(sib), 0.0) >= threshold or _is_paragraph_like(sib, lengths):
            chosen.append(sib)
    return chosen


# ----------------------------------------------------------------------- rendering
_JUNK_LINES = frozenset(
    """advertisement|advert|ad|sponsored|sponsored content|read more|read more:|share|share this|share this article|
    related|related articles|related stories|more on this story|sign up|subscribe|continue reading|skip to content|
    skip advertisement|supported by|follow us|comments|show comments|loading|loading...|click here|listen|
    listen to this article|copy link|print|email""".replace("\n", "").split("|")
)
_JUNK = frozenset(j.strip() for j in _JUNK_LINES)


_DATE_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september
    october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday
    am pm gmt utc bst cet cest eet eest msk est edt pst pdt updated published posted on at""".split()
)


def _is_junk_line(line: str) -> bool:
    """A line that is never article text: "Advertisement", "Read more", a date or time alone."""
    if len(line) > 40:
        return False
    if line.strip(" .:!").lower() in _JUNK:
        return True
    words = re.findall(r"[A-Za-z]+", line)
    return any(c.isdigit() for c in line) and all(w.lower() in _DATE_WORDS for w in words)


def _render(nodes: List[Node], lengths: _Lengths) -> List[str]:
    """Paragraphs of the text under ``nodes``: blocks and ``<br>`` end a paragraph."""
    lines: List[str] = []
    buf: List[str] = []

    def flush() -> None:
        line = _collapse("".join(buf))
        buf.clear()
        if line and not _is_junk_line(line):
            lines.append(line)

    stack: List[Union[Node, str, None]] = list(reversed(nodes))  # None: end of a block
    while stack:
        item = stack.pop()
        if item is None:
            flush()
        elif isinstance(item, str):
            buf.append(item)
        elif item.tag == "br" or item.tag == "hr":
            flush()
        elif item.tag in BLOCK or item.tag in HEADINGS:
            if _is_link_list(item, lengths):
                continue
            flush()
            stack.append(None)
            stack.extend(reversed(item.children))
        elif item.tag in CELLS:
            buf.append(" ")
            stack.append(" ")
            stack.extend(reversed(item.children))
        else:
            stack.extend(reversed(item.children))
    flush()
    return lines


def _site_header(node: Node) -> bool:
    """A ``<header>`` with navigation in it: the site's, whose ``<h1>`` is often the logo."""
    return node.tag == "header" and any(e.tag == "nav" or e.attrs.get("role") == "navigation" for e in node.elements())


def _headline(root: Node) -> Optional[str]:
    """The text of the first ``<h1>`` outside navigation, hidden elements and the site header."""
    stack: List[Node] = [root]
    while stack:
        node = stack.pop()
        if node.tag in DROP or _is_hidden(node) or _site_header(node):
            continue
        if node.tag == "h1" and node.text():
            return node.text()
        stack.extend(c for c in reversed(node.children) if isinstance(c, Node))
    return None


def _with_headline(lines: List[str], headline: Optional[str]) -> List[str]:
    """The headline first: moved there when the body holds it (short labels before it go),
    added when it does not."""
    if not headline or not lines:
        return lines  # a page without article text stays empty, headline or not
    if headline in lines:
        i = lines.index(headline)
        before = [line for line in lines[:i] if len(line) >= 50]
        return [headline] + before + lines[i + 1:]
    return [headline] + lines


# ----------------------------------------------------------------------- metadata
@dataclass
class HtmlPage:
    """An HTML page reduced to its article: ``text`` (paragraphs separated by a blank line,
    the headline first) and the metadata found (``None`` where the page has none)."""

    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    author: Optional[str] = None
    url: Optional[str] = None


_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "LiveBlogPosting", "WebPage", "OpinionNewsArticle", "BackgroundNewsArticle")
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
               "publish-date", "publish_date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created",
               "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
               "cxenseparse:recs:publishtime", "originalpublicationdate")


def _json_ld_objects(scripts: List[Tuple[Dict[str, str], List[str]]]) -> List[Dict[str, Any]]:
    """Every JSON object in the page's JSON-LD, flattened out of lists and ``@graph``."""
    out: List[Dict[str, Any]] = []
    for _, body in scripts:
        raw = "".join(body).strip()
        if raw.startswith("<!--"):
            raw = raw[4:].rsplit("-->", 1)[0]
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack: List[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return out


def _types(obj: Dict[str, Any]) -> List[str]:
    t = obj.get("@type", [])
    return [t] if isinstance(t, str) else [x for x in t if isinstance(x, str)] if isinstance(t, list) else []


def _article_ld(objects: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The JSON-LD object that describes the article (the most specific type wins)."""
    for kind in _ARTICLE_TYPES:
        for obj in objects:
            if kind in _types(obj):
                return obj
    return {}


def _names(value: Any) -> List[str]:
    """Author names from a JSON-LD ``author``: a string, a Person, or a list of those."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _first_str(*values: Any) -> Optional[str]:
    for v in values:
        if isinstance(v, list) and v:
            v = v[0]
        if isinstance(v, dict):
            v = v.get("@id") or v.get("url")
        if isinstance(v, str) and v.strip():
            return _collapse(v)
    return None


def _iso_date(value: Optional[str]) -> Optional[str]:
    """An ISO 8601 date or datetime, as written when it already is one; RFC 2822 dates
    (``Tue, 13 Sep 2022 10:00:00 GMT``) and ``YYYYMMDD`` converted; else ``None``.

    >>> _iso_date("2022-09-13T10:00:00+03:00"), _iso_date("Tue, 13 Sep 2022 10:00:00 GMT"), _iso_date("soon")
    ('2022-09-13T10:00:00+03:00', '2022-09-13T10:00:00+00:00', None)
    """
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", value)
    if m:
        return value.replace(" ", "T", 1) if len(value) > 10 else value
    m = re.match(r"^(\d{4})(\d{2})(\d{2})$", value)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}"
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _metas(root: Node) -> Dict[str, str]:
    """``<meta>`` contents by lowercased ``property``/``name``/``itemprop`` (the first of each)."""
    out: Dict[str, str] = {}
    for node in root.elements():
        if node.tag == "meta" and "content" in node.attrs:
            for key in ("property", "name", "itemprop"):
                name = node.attrs.get(key, "").strip().lower()
                if name:
                    out.setdefault(name, node.attrs["content"])
        elif node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split() and node.attrs.get("href"):
            out.setdefault("#canonical", node.attrs["href"])
        elif node.tag == "title":
            out.setdefault("#title", node.text())
        elif node.tag == "time" and node.attrs.get("datetime"):
            # the article's own stamp first: one marked as the publication time, else the first
            key = "#time-published" if node.attrs.get("itemprop") == "datePublished" or "pubdate" in node.attrs else "#time"
            out.setdefault(key, node.attrs["datetime"])
        elif node.attrs.get("itemprop") == "datePublished" and node.tag != "meta":
            out.setdefault("#time-published", node.attrs.get("datetime") or node.attrs.get("content") or node.text())
    return out


def _strip_site(title: Optional[str], site: Optional[str]) -> Optional[str]:
    """``"Drones hit Odesa | The Daily Example"`` -> ``"Drones hit Odesa"``."""
    if not title:
        return None
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep not in title:
            continue
        head, tail = title.rsplit(sep, 1)
        if (site and tail.strip().lower() == site.strip().lower()) or (len(tail.split()) <= 4 and len(head.split()) >= 3):
            return _strip_site(head.strip(), site)
        head, tail = title.split(sep, 1)
        if len(head.split()) <= 4 and len(tail.split()) >= 3:  # "Site :: Headline"
            return tail.strip()
    return title


def _metadata(root: Node, scripts: List[Tuple[Dict[str, str], List[str]]], headline: Optional[str]) -> HtmlPage:
    ld = _article_ld(_json_ld_objects(scripts))
    meta = _metas(root)
    site = meta.get("og:site_name")
    title = _first_str(ld.get("headline"), _strip_site(meta.get("og:title"), site), headline,
                       _strip_site(meta.get("#title"), site), ld.get("name"))
    if title and headline and title != headline and title.startswith(headline):
        title = headline
    published = None
    for candidate in [ld.get("datePublished"), ld.get("dateCreated")] + [meta.get(k) for k in _DATE_METAS] + [
        meta.get("#time-published"), meta.get("#time"), ld.get("dateModified")
    ]:
        published = _iso_date(_first_str(candidate))
        if published:
            break
    authors = _names(ld.get("author")) or _names(meta.get("author")) or _names(meta.get("article:author"))
    if not authors:
        authors = _byline(root)
    url = _first_str(meta.get("og:url"), meta.get("#canonical"), ld.get("url"), ld.get("mainEntityOfPage"))
    return HtmlPage(text="", title=title, published=published, author=", ".join(dict.fromkeys(authors)) or None, url=url)


_BY = re.compile(r"^\s*(?:by|words by|written by)\s+", re.I)


def _byline(root: Node) -> List[str]:
    """Names in an element marked ``rel="author"``, ``itemprop="author"`` or ``class="byline"``."""
    for node in root.elements():
        words = _attr_words(node)
        if node.attrs.get("rel") == "author" or node.attrs.get("itemprop") == "author" or "byline" in words:
            text = _BY.sub("", node.text())
            if text and len(text) <= 80:
                return [n.strip() for n in re.split(r",\s*|\s+and\s+", text) if n.strip()]
    return []


# ----------------------------------------------------------------------- the entry points
def parse_html(html: str, *, fragment: Optional[bool] = None) -> HtmlPage:
    """Reduce an HTML page (or fragment) to its article text and metadata (see the module doc).

    Parameters
    ----------
    html
        The markup, already decoded (see :func:`decode_html` for bytes).
    fragment
        ``True``: ``html`` is a piece of an article (the markup of its body, say): keep all
        its text except boilerplate, without choosing a main block or adding a headline.
        ``None`` (default): a fragment unless it has ``<html>``, ``<head>`` or ``<body>``.

    Returns
    -------
    HtmlPage
        ``text`` (``""`` when the page has no article text) and ``title``, ``published``
        (ISO 8601 string), ``author`` (names joined by ", "), ``url``.

    Examples
    --------
    >>> parse_html("<p>Kyiv &amp; Odesa were hit.</p><div class='share'>Share on X</div><p>Two died.</p>").text
    'Kyiv & Odesa were hit.\\n\\nTwo died.'
    """
    if fragment is None:
        fragment = not _FULL_PAGE.search(html[:20000])
    builder = _parse(html)
    root = builder.root
    headline = None if fragment else _headline(root)
    page = HtmlPage(text="") if fragment else _metadata(root, builder.scripts, headline)
    _prune(root)
    lengths = _Lengths(root)
    if fragment:
        lines = _render([root], lengths)
    else:
        lines = _with_headline(_render(_main_nodes(root, lengths), lengths), headline or page.title)
    page.text = "\n\n".join(lines)
    return page


_FULL_PAGE = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|article|section|blockquote|table|tr|td|figure|main|header|footer|nav)\b[^>]*|br\s*/?)>",
    re.I,
)


def looks_like_html(text: str, min_block_tags: int = 3) -> bool:
    """Whether ``text`` is HTML to reduce: a whole page (``<!DOCTYPE html>``, ``<html>``,
    ``<head>`` or ``<body>``) or a fragment with at least ``min_block_tags`` block tags
    (``<p>``, ``</div>``, ``<br>``, ``<li>``, ``<h2>``, ...). Character references or one
    stray tag are not enough: such texts are analysed as they are.

    Examples
    --------
    >>> looks_like_html("<p>Kyiv was hit.</p><p>Two died.</p>")
    True
    >>> looks_like_html("Use the <b> tag & the &amp; entity.")
    False
    """
    head = text[:20000]
    if "<" not in head:
        return False
    return bool(_FULL_PAGE.search(head)) or len(_BLOCK_TAG.findall(head)) >= min_block_tags


def html_to_text(html: str, *, extractor: str = "builtin") -> str:
    """The article text of an HTML page or fragment: headline and body paragraphs, one blank
    line between paragraphs, without navigation, adverts, share widgets, scripts, captions.

    Parameters
    ----------
    html
        The page's markup (a ``str``; decode bytes first, e.g. with the page's charset).
    extractor
        ``"builtin"`` (default; standard library only) or ``"trafilatura"`` (the optional
        extra ``newsframe[html]``).

    Returns
    -------
    str
        The text (``""`` when the page holds none). Offsets in the tables of
        ``nf.extract(nf.html_to_text(page))`` index into this string.

    Examples
    --------
    >>> import newsframe as nf
    >>> nf.html_to_text("<h1>Kyiv&rsquo;s night</h1><p>Air defence downed 20 drones.</p>"
    ...                 "<ul class='related'><li><a href='/x'>Earlier: strikes on Lviv</a></li></ul>")
    'Kyiv’s night\\n\\nAir defence downed 20 drones.'
    """
    return page_from_html(html, extractor=extractor).text


def page_from_html(html: str, *, extractor: str = "builtin", fragment: Optional[bool] = None) -> HtmlPage:
    """:func:`parse_html` with the extractor chosen by name (``"builtin"`` or ``"trafilatura"``)."""
    if extractor == "builtin":
        return parse_html(html, fragment=fragment)
    if extractor == "trafilatura":
        return _trafilatura_page(html)
    raise ValueError(f"html extractor must be one of {EXTRACTORS}, got {extractor!r}")


def _trafilatura_page(html: str) -> HtmlPage:
    try:
        import trafilatura
    except ImportError as exc:
        raise ImportError("the trafilatura extractor needs: pip install 'newsframe[html]'") from exc
    out = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                              include_tables=True, deduplicate=False)
    if not out:
        return HtmlPage(text="")
    data = json.loads(out)
    # one paragraph a line; list items come as "- item" (a bullet, not article text)
    lines = [_collapse(re.sub(r"^\s*- ", "", line)) for line in (data.get("text") or "").split("\n")]
    title = data.get("title") or None
    body = [line for line in lines if line]
    if title and (not body or body[0] != title):
        body.insert(0, title)
    author = data.get("author") or None
    return HtmlPage(text="\n\n".join(body), title=title, published=_iso_date(data.get("date")),
                    author=author.replace("; ", ", ") if author else None,
                    url=data.get("url") or data.get("source") or None)  # 2.x JSON names the URL "source"


# ----------------------------------------------------------------------- bytes
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# WHATWG: these labels mean windows-1252 in a browser
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819"}


def decode_html(raw: bytes) -> Tuple[str, Optional[str]]:
    """Decode the bytes of a page by its byte-order mark or the charset its ``<meta>``
    declares (ISO-8859-1 read as windows-1252, as browsers do); without either, UTF-8, and
    windows-1252 when the bytes are not UTF-8. Returns ``(text, encoding used)``.

    Examples
    --------
    >>> decode_html('<meta charset="windows-1251"><p>Київ</p>'.encode("cp1251"))
    ('<meta charset="windows-1251"><p>Київ</p>', 'windows-1251')
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace"), enc
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = m.group(1).decode("ascii").lower()
        enc = "windows-1252" if label in _AS_CP1252 else label
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = ""
        if enc:
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError:
                pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace"), "windows-1252"


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or more than 5 % control bytes in the first 8 kB: not a text page."""
    head = raw[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(head)
