"""Extract the article text and metadata (title, outlet, date, url) from an HTML page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from dateline.errors import IngestError


# Fewer words than this is a page shell (menus, a button), not an article.
MIN_WORDS = 5
# Shorter descriptions are labels, not standfirsts.
MIN_STANDFIRST_CHARS = 60
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class HtmlPage:
    """Main text of a page and the hints its metadata gives."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


def clean_value(value: Any) -> str | None:
    """A hint value as a trimmed string, or None when empty."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if isinstance(value, list):
        value = value[0] if value else None
        return clean_value(value)
    text = str(value).strip()
    return text or None


def _jsonld_objects(tree) -> list[dict]:
    """Every JSON object in the page's JSON-LD scripts, @graph entries flattened."""
    found: list[dict] = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _meta(tree, *names: str) -> str | None:
    """First non-empty <meta> content whose property/name/itemprop is one of names."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for node in tree.xpath(f'//meta[@{attr}="{name}"]'):
                val = clean_value(node.get("content"))
                if val:
                    return val
    return None


def _html_metadata(tree) -> dict[str, str | None]:
    """Title, outlet and publication date from meta tags, JSON-LD and <title>."""
    ld_article = next(
        (o for o in _jsonld_objects(tree) if o.get("datePublished") or o.get("headline")), {}
    )
    outlet = _meta(tree, "og:site_name", "application-name") or clean_value(
        ld_article.get("publisher")
    )
    title = _meta(tree, "og:title", "twitter:title") or clean_value(ld_article.get("headline"))
    if not title:
        raw_title = clean_value(" ".join(tree.xpath("//title//text()")))
        if raw_title and outlet:
            # "<headline> - Le Monde" / "<headline> | Le Monde"
            raw_title = re.sub(rf"\s*[-|–—:]\s*{re.escape(outlet)}\s*$", "", raw_title)
        title = raw_title
    published = (
        _meta(tree, "article:published_time", "datePublished", "pubdate", "publishdate")
        or clean_value(ld_article.get("datePublished"))
        or _meta(tree, "date", "dc.date", "DC.date.issued", "dcterms.created")
    )
    if not published:
        times = tree.xpath("//article//time/@datetime | //time[@itemprop='datePublished']/@datetime")
        published = clean_value(times[0]) if times else None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = _meta(tree, "og:url") or clean_value(ld_article.get("url")) or (
        clean_value(canonical[0]) if canonical else None
    )
    return {"title": title, "outlet": outlet, "published": published, "url": url}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _visible_standfirst(tree) -> str | None:
    """The standfirst (chapô): a body element whose text is exactly the meta description.

    Extractors often skip it as it sits outside the article body, yet it carries the
    story's key facts; a description that is not printed on the page is SEO text and ignored.
    """
    description = _meta(tree, "og:description", "description", "twitter:description")
    if not description or len(description) < MIN_STANDFIRST_CHARS:
        return None
    want = _squash(description).casefold()
    for node in tree.xpath("//body//p | //body//h2 | //body//div[not(*)]"):
        if node.xpath("ancestor::nav | ancestor::footer | ancestor::aside | ancestor::form"):
            continue
        if _squash(node.text_content()).casefold() == want:
            return _squash(node.text_content())
    return None


def _html_fallback_text(tree) -> str:
    """Visible text of the page body minus navigation, scripts and footers."""
    from lxml import etree

    drop = "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template"
    for node in tree.xpath(drop):
        node.drop_tree()
    body = tree.find("body")
    root = body if body is not None else tree
    # Block elements become line breaks so paragraphs stay apart.
    for node in root.iter(etree.Element):
        if isinstance(node.tag, str) and node.tag in {"p", "div", "h1", "h2", "h3", "li", "br"}:
            node.tail = "\n" + (node.tail or "")
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in root.text_content().splitlines()]
    return "\n\n".join(ln for ln in lines if ln)


def extract_html(html: str) -> HtmlPage:
    """Main article text (trafilatura, then a plain text dump) and the page's metadata."""
    import lxml.html
    import trafilatura
    from lxml import etree

    try:
        # Bytes plus an explicit parser encoding: a str with an XML declaration is refused,
        # and bytes alone are read as Latin-1 when the page lacks <meta charset>.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"invalid html: {exc}") from exc
    meta = _html_metadata(tree)
    standfirst = _visible_standfirst(tree)
    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=False, deduplicate=False
    )
    if extracted and extracted.strip():
        lines = [ln.strip() for ln in extracted.splitlines()]
        text = "\n\n".join(ln for ln in lines if ln)
    else:
        text = _html_fallback_text(tree)
    if standfirst and _squash(standfirst).casefold() not in _squash(text).casefold():
        text = f"{standfirst}\n\n{text}"
    if len(_WORD.findall(text)) < MIN_WORDS:
        raise IngestError("no article text in html")
    return HtmlPage(text, meta["title"], meta["outlet"], meta["published"], meta["url"])


