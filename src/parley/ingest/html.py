"""HTML pages to Articles: trafilatura's main text and metadata, and a better publication date.

``Article.text`` for a page is ``title + "\\n\\n" + body`` when a title was found (so that the
headline, which often names the actors, is coded too), else the body alone.

The publication date is trafilatura's (htmldate's) when it has one that is not just the
day in the URL; otherwise the first plausible day of: JSON-LD ``datePublished``
(schema.org NewsArticle and friends), ``<meta>`` publication tags
(``article:published_time``, ``og:published_time``, ``date``, ``dc.date``, ``sailthru.date``
...), the ``<time datetime>`` marked as publication date (else the first one), the date in
the URL path (``/2019/05/08/``). See :func:`best_date`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date

logger = logging.getLogger(__name__)

_MIN_YEAR = 1990
_MIN_WORDS = 8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Extracted:
    body: str
    title: str | None
    date: str | None
    author: str | None
    site: str | None
    url: str | None
    date_source: str | None


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|\b|$)")


def _plausible(y: int, m: int, d: int, min_year: int = _MIN_YEAR) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if day.year < min_year or day > date.today():
        return None
    return day.isoformat()


def parse_day(value: str | None, min_year: int = _MIN_YEAR) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like date or timestamp string, else None (no guessing).

    ``min_year`` guards page markup against stray numbers; a record's own date field is
    trusted back to year 1 (Reuters-21578 is from 1987).
    """
    if not value:
        return None
    value = value.strip()
    m = _ISO_DAY.search(value[:40])
    if m:
        return _plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)), min_year)
    m = _COMPACT_DAY.match(value)
    if m:
        return _plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)), min_year)
    return None


def _parse_loose_day(value: str) -> str | None:
    """A day from free text such as ``May 8, 2019`` (dateparser, no relative dates)."""
    day = parse_day(value)
    if day:
        return day
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a core dependency
        return None
    parsed = dateparser.parse(
        value[:80], languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    return _plausible(parsed.year, parsed.month, parsed.day)


# --- date sources, best first -------------------------------------------------------------

_JSONLD = re.compile(
    r"<script[^>]+type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)


def _walk_jsonld(node: object, key: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                found.append(v)
            else:
                found.extend(_walk_jsonld(v, key))
    elif isinstance(node, list):
        for v in node:
            found.extend(_walk_jsonld(v, key))
    return found


def date_from_jsonld(html: str) -> str | None:
    for block in _JSONLD.findall(html):
        try:
            data = json.loads(block.strip())
        except (ValueError, RecursionError):
            continue
        for key in ("datePublished", "dateCreated", "uploadDate"):
            for value in _walk_jsonld(data, key):
                day = parse_day(value)
                if day:
                    return day
    return None


_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_META_DATE_NAMES = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "published_time", "publish-date", "publish_date", "pubdate",
    "publishdate", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "og:updated_time", "article:modified_time",
)


def _meta_attrs(html: str) -> list[dict[str, str]]:
    out = []
    for tag in _META_TAG.findall(html[:300_000]):
        attrs = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _ATTR.finditer(tag)}
        out.append(attrs)
    return out


def date_from_meta(html: str) -> str | None:
    found: dict[str, str] = {}
    for attrs in _meta_attrs(html):
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if name and content and name not in found:
            found[name] = content
    for name in _META_DATE_NAMES:
        if name in found:
            day = parse_day(found[name]) or _parse_loose_day(found[name])
            if day:
                return day
    return None


_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)
_PUBDATE_TIME = re.compile(
    r"<time\b[^>]*(?:pubdate|itemprop\s*=\s*[\"']datePublished)[^>]*>", re.IGNORECASE
)


def date_from_time_tag(html: str) -> str | None:
    """The ``<time datetime>`` marked as publication date, else the first one on the page."""
    m = _PUBDATE_TIME.search(html)
    if m:
        t = _TIME_TAG.search(m.group(0))
        if t:
            day = parse_day(t.group(1))
            if day:
                return day
    for t in _TIME_TAG.finditer(html):
        day = parse_day(t.group(1))
        if day:
            return day
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:/|[\-_]|$)")


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return _plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# --- nesting -----------------------------------------------------------------------------

_TAG_SCAN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound "
    "frame keygen command isindex image".split())
# elements whose end tag may be left out, as the HTML parsing rules close them: a new one
# closes the open one it names, searched down the open elements until a scope boundary
_TABLE = frozenset({"table", "tbody", "thead", "tfoot"})
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), _TABLE),
    "tbody": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
# a block-level start tag closes an open paragraph (within "button scope")
_BLOCKS = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section "
    "summary table ul dd dt".split())
_P_SCOPE = frozenset({"table", "td", "th", "caption", "button", "object", "template", "html"})


def _close_implied(stack: list[str], closes: frozenset[str], boundary: frozenset[str]) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k] in closes:
            del stack[k:]
            return
        if stack[k] in boundary:
            return


def markup_too_deep(html: str, limit: int) -> bool:
    """Whether the page nests elements more than ``limit`` deep, as an HTML parser would
    build the tree (void elements and left-out end tags of ``p``, ``li``, ``td`` ... do not
    count). One pass over the tags, stopped as soon as the limit is passed."""
    stack: list[str] = []
    lower = html.lower()
    pos = 0
    while (m := _TAG_SCAN.search(html, pos)) is not None:
        pos = m.end()
        name = m.group(2).lower()
        if name in ("script", "style", "textarea") and not m.group(1):
            end = lower.find(f"</{name}", pos)  # their content is text, not tags
            pos = len(html) if end < 0 else end
            continue
        if m.group(1):  # an end tag closes up to its element, when it is open
            if name in stack:
                while stack.pop() != name:
                    pass
            continue
        if name in _VOID or m.group(3):
            continue
        if name in _BLOCKS:
            _close_implied(stack, frozenset({"p"}), _P_SCOPE)
        implied = _IMPLIED_END.get(name)
        if implied is not None:
            _close_implied(stack, *implied)
        stack.append(name)
        if len(stack) > limit:
            return True
    return False


# --- extraction --------------------------------------------------------------------------

_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']canonical[\"'][^>]*>", re.IGNORECASE)
_HREF = re.compile(r"href\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def page_url(html: str) -> str | None:
    """The page's own URL from ``<link rel=canonical>`` or ``og:url``, if it names one."""
    m = _CANONICAL.search(html[:300_000])
    if m:
        h = _HREF.search(m.group(0))
        if h and h.group(1).startswith("http"):
            return h.group(1)
    for attrs in _meta_attrs(html):
        if (attrs.get("property") or "").lower() == "og:url" and attrs.get("content", "").startswith("http"):
            return attrs["content"]
    return None


_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")


def strip_tags(html: str) -> str:
    """Visible text of markup that no HTML parser makes sense of: tags out, spaces squashed."""
    import html as html_lib

    text = _TAG.sub(" ", _SCRIPT.sub(" ", html))
    text = html_lib.unescape(text.replace("<", " ").replace(">", " "))
    return re.sub(r"[ \t\r\f\v]+", " ", re.sub(r"\s*\n\s*", "\n", text)).strip()


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of one page. ``body`` is empty when no main text was found."""
    import trafilatura

    url = url or page_url(html)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
    )
    body = ""
    title = author = site = traf_date = None
    if doc is not None:
        body = (getattr(doc, "text", None) or "").strip()
        title = getattr(doc, "title", None) or None
        author = getattr(doc, "author", None) or None
        site = getattr(doc, "sitename", None) or None
        traf_date = getattr(doc, "date", None) or None
        url = url or getattr(doc, "url", None) or None
    if len(_WORD.findall(body)) < _MIN_WORDS:
        # broken or minimal markup: trafilatura found no main block; take the visible text
        try:
            visible = (trafilatura.html2txt(html) or "").strip()
        except Exception:  # noqa: BLE001 - lxml on hostile input; keep what we had
            visible = ""
        if len(_WORD.findall(visible)) < _MIN_WORDS:
            visible = strip_tags(html)
        if len(_WORD.findall(visible)) > len(_WORD.findall(body)):
            body = visible
    day, how = best_date(html, url, traf_date)
    return Extracted(
        body=body, title=title.strip() if title else None, date=day, author=author,
        site=site, url=url, date_source=how,
    )


def best_date(html: str, url: str | None, traf_date: str | None) -> tuple[str | None, str | None]:
    """The publication day and where it came from.

    trafilatura's own date (htmldate: meta tags, markup and visible text, weighed) comes
    first: on the evaluation pages it is right more often than any single tag. Two cases
    are corrected: when it found nothing, the page's JSON-LD, ``<meta>``, ``<time>`` and URL
    are tried in that order; when its day is only the day in the URL (a folder date, often
    a day off because of time zones) and the page's own markup names another day, the
    markup wins.
    """
    traf_day = parse_day(traf_date)
    url_day = date_from_url(url)
    markup = (
        ("json-ld", date_from_jsonld), ("meta", date_from_meta), ("time", date_from_time_tag),
    )
    if traf_day and traf_day != url_day:
        return traf_day, "trafilatura"
    for how, finder in markup:
        day = finder(html)
        if day:
            if traf_day and day != traf_day:
                logger.debug("date: %s gives %s over the URL's %s", how, day, traf_day)
            return day, how
    if traf_day:
        return traf_day, "trafilatura"
    if url_day:
        return url_day, "url"
    return None, None


def article_text(extracted: Extracted) -> str:
    """The text Parley codes: the title and the body, separated by a blank line."""
    if extracted.title and extracted.body and not extracted.body.startswith(extracted.title):
        return f"{extracted.title}\n\n{extracted.body}"
    return extracted.body
