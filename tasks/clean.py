"""Article text and metadata out of a news page (HTML) or a plain-text article.

    clean_html(html, url=None) -> CleanedPage      trafilatura for the text, our own metadata reading
    clean_text(text, title=None) -> CleanedPage    plain .txt articles
    clean_lines(text, title=None) -> str           the boilerplate-line rules shared by both
    detect_language(text) -> str | None            from the text itself ("ar" for Arabic script)

Cleaning only ever drops whole lines (share bars, "read also" links, copyright footers, news
tickers, tracker tokens, a repeated title, punctuation-only and empty lines); the characters
of every kept line are left exactly as they were, because evidence offsets point into them.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from trafilatura import metadata as trafilatura_metadata
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import line_processing, load_html

from tasks.nlp.text.charsets import ARABIC_SCRIPT_LETTERS, NON_ARABIC_LETTERS, light_fold


@dataclass(frozen=True)
class CleanedPage:
    title: str | None
    text: str  # kept lines joined by "\n"; "" when the page has no article text
    published_at: datetime | None  # always timezone-aware (the page's own offset); None without one
    published_date: date | None  # the publication day in the page's own time zone
    author: str | None
    site_name: str | None
    canonical_url: str | None  # absolute http(s) URL from rel=canonical / og:url, else None
    language: str | None  # ISO 639-1 from the text; the page's lang attribute if the text says nothing

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# ---------------------------------------------------------------- folding (for matching only)

_WORD = re.compile(r"[^\W_]+")


def _fold(s: str) -> str:
    """Spelling-insensitive form used to compare lines with the word lists below; never stored."""
    return " ".join(light_fold(s).casefold().split())


def _words(s: str) -> list[str]:
    return _WORD.findall(_fold(s))


def _fold_all(items: str) -> frozenset[str]:
    return frozenset(_fold(x) for x in items.split("|"))


# ---------------------------------------------------------------- boilerplate vocabulary

# Share widgets: a line made only of these words (and the connectors) is a share bar.
_SHARE = _fold_all(
    "شارك|شاركها|شاركه|شاركوا|شاركي|مشاركة|المشاركة|انشر|أرسل|ارسل|طباعة|اطبع|نسخ|الرابط|رابط|غرد|"
    "share|shares|sharing|tweet|retweet|pin|email|mail|print|copy|link|save|whatsapp|facebook|twitter|x|"
    "telegram|linkedin|reddit|pinterest|messenger|tumblr|vk|viber|snapchat|instagram|youtube|tiktok|"
    "threads|bluesky|flipboard|فيسبوك|فيس|بوك|تويتر|واتساب|واتس|آب|اب|تلغرام|تيليجرام|تليجرام|تيليغرام|"
    "لينكدإن|لينكدان|لينكد|إن|انستغرام|إنستغرام|يوتيوب|تيك|توك|ماسنجر|بريد|البريد|إلكتروني|الإلكتروني"
)
_SHARE_CONNECTORS = _fold_all(
    "on|via|with|to|this|the|article|story|post|page|your|friends|now|by|عبر|على|في|مع|هذا|هذه|الخبر|"
    "المقال|الموضوع|الصفحة|أصدقائك|طريق|عن|ل|من"
)
# Unambiguous lead-ins of a link to another story: the whole (short) line goes.
_READ_ALSO = _fold_all(
    "اقرأ أيضا|إقرأ أيضا|اقرأ أيضاً|اقرأ كذلك|اقرأ المزيد|إقرأ المزيد|طالع أيضا|شاهد أيضا|اقرأ ايضا|"
    "اخترنا لك|قد يهمك|قد يعجبك|read also|also read|read more|read next|see also|more on this|"
    "you may also like|you might also like|recommended for you|more stories|follow us|تابعونا|"
    "sign up for our|subscribe to our"
)
# Lead-ins that are also ordinary words: only with a separator after them, or alone on the line.
_LABELS = _fold_all(
    "related|related articles|related stories|related news|related coverage|related content|"
    "more|most read|trending|trending now|popular|tags|topics|keywords|ذات صلة|مواضيع ذات صلة|"
    "أخبار ذات صلة|مقالات ذات صلة|موضوعات ذات صلة|الأكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|"
    "المزيد|الوسوم|وسوم|كلمات مفتاحية|الكلمات المفتاحية|الكلمات الدالة|advertisement|إعلان|sponsored|"
    "عاجل|خبر عاجل|أخبار عاجلة|breaking|breaking news|just in|developing story"
)
_COPYRIGHT = _fold_all("جميع الحقوق محفوظة|كل الحقوق محفوظة|حقوق النشر محفوظة|حقوق الطبع محفوظة|all rights reserved")
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b|copyright", re.IGNORECASE)
_COPYRIGHT_WORDS = 12  # a longer line with the phrase but no © or year is prose ("all rights reserved for...")
_FOOTER_LINKS = _fold_all(
    "سياسة الخصوصية|اتصل بنا|من نحن|الشروط والأحكام|شروط الاستخدام|privacy policy|terms of use|"
    "terms of service|contact us|about us|cookie policy|cookie settings|advertise with us"
)
_SEPARATOR = r"\s*(?:[:：|\-–—»›>•/]|\.\.|…)"
_LONG_LINE_WORDS = 30  # a line longer than this is prose, whatever it starts with
_TOKEN_TAIL_WORDS = 6  # words a site may glue beside a tracker token
_B64 = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")
_HEX = re.compile(r"[0-9a-fA-F]{24,}")
_SENTENCE_END = re.compile(r"[.!?؟…]\s*$")


def _starts_with(folded: str, phrases: frozenset[str], *, need_separator: bool) -> bool:
    for p in phrases:
        if not folded.startswith(p):
            continue
        rest = folded[len(p) :]
        if not rest.strip() or re.match(_SEPARATOR, rest):
            return True
        if not need_separator and not rest[0].isalnum():
            return True
    return False


def _is_token(tok: str) -> bool:
    """A base64/hex-looking tracker or id token, not a word."""
    if _HEX.fullmatch(tok):
        return any(c.isdigit() for c in tok) and any(c.isalpha() for c in tok)
    if not _B64.fullmatch(tok):
        return False
    has_case_mix = any(c.isupper() for c in tok) and any(c.islower() for c in tok)
    return tok.endswith("=") or (has_case_mix and any(c.isdigit() for c in tok))


def _is_blank(line: str) -> bool:
    return not any(c.isalnum() for c in line)  # empty, or punctuation only (":", "***", "—")


def is_boilerplate(line: str) -> bool:
    """Whether one line (already stripped) is site furniture rather than article text."""
    return _is_blank(line) or _is_boilerplate_folded(line, _fold(line))


def _is_boilerplate_folded(line: str, folded: str) -> bool:
    words = _WORD.findall(folded)
    if len(words) > _LONG_LINE_WORDS:
        return False
    if words and all(w in _SHARE or w in _SHARE_CONNECTORS for w in words) and any(w in _SHARE for w in words):
        return True
    if _starts_with(folded, _READ_ALSO, need_separator=False):
        return True
    if _starts_with(folded, _LABELS, need_separator=True):
        return True
    if "©" in line or re.match(r"(copyright|\(c\))\s*\d{4}", folded):
        return True
    if any(p in folded for p in _COPYRIGHT) and (len(words) <= _COPYRIGHT_WORDS or _COPYRIGHT_MARK.search(line)):
        return True
    if len(words) <= 8 and _starts_with(folded, _FOOTER_LINKS, need_separator=False):
        return True
    tokens = line.split()
    trackers = [t for t in tokens if _is_token(t)]
    if trackers:
        rest = " ".join(t for t in tokens if not _is_token(t))
        if len(_words(rest)) <= _TOKEN_TAIL_WORDS and not _SENTENCE_END.search(rest):
            return True
    return False


def reads_as_headline(line: str) -> bool:
    """Short, has words, and does not end like a sentence or a lead-in (final period, colon, comma)."""
    line = line.strip()
    words = _words(line)
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    return not re.search(r"[.…:،,;؛]\s*[\"'”’»)\]]*$", line)


def clean_lines(text: str, title: str | None = None) -> str:
    """Drop boilerplate lines, repeats of the title and consecutive duplicate lines; join with "\n"."""
    title_key = _fold(title) if title else None
    kept: list[str] = []
    seen_title = False
    last_key: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if _is_blank(line):
            continue
        key = _fold(line)  # once per line: folding is most of this function's cost
        if _is_boilerplate_folded(line, key):
            continue
        if title_key and key == title_key:
            if seen_title:
                continue  # the title again: keep it once
            seen_title = True
        if kept and last_key == key:
            continue
        kept.append(line)
        last_key = key
    return "\n".join(kept)


# ---------------------------------------------------------------- plain text


def clean_text(text: str, title: str | None = None) -> CleanedPage:
    """A plain-text article. Title: the given one (manifest), else the first line if it reads as a
    headline followed by a body, else None. The title line stays once at the top of the text."""
    cleaned = clean_lines(text, title)
    if not title:
        lines = cleaned.split("\n")
        if len(lines) > 1 and reads_as_headline(lines[0]):
            title = lines[0]
    return CleanedPage(
        title=title or None,
        text=cleaned,
        published_at=None,
        published_date=None,
        author=None,
        site_name=None,
        canonical_url=None,
        language=detect_language(cleaned),
    )


# ---------------------------------------------------------------- HTML


# What a browser shows only with scripts off ("enable JavaScript", tracking pixels, a copy of the
# page for crawlers): never article text. Unclosed, it runs to the end, as a browser reads it.
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?(?:</noscript\s*>|\Z)", re.IGNORECASE | re.DOTALL)


def clean_html(html: str, url: str | None = None) -> CleanedPage:
    """A news page: main text by trafilatura, metadata from meta tags and JSON-LD (offsets kept)."""
    html = _NOSCRIPT.sub(" ", html)
    meta = _read_metadata(html, url)
    doc = _extract(html, url)
    # trafilatura's own metadata fills what the page's meta tags and JSON-LD do not say
    more = _TrafilaturaMeta(html, url, full=not meta.site_name or meta.published_date is None)
    site_name = meta.site_name or (_meaningful(more.sitename) if doc is not None else None)
    title = _pick_title(meta, site_name)
    if title is None and doc is not None:
        title = _strip_site(more.title, site_name)
    raw_text = (doc.text or "") if doc is not None else ""
    first = next((line.strip() for line in raw_text.splitlines() if not is_boilerplate(line.strip())), "")
    headline = first if reads_as_headline(first) else None
    title = _prefer_shorter_form(title, [meta.h1, headline]) or headline
    text = clean_lines(raw_text, title)
    published_at, published_date = meta.published_at, meta.published_date
    if published_date is None and doc is not None and more.date:
        published_date = _parse_datetime(more.date)[1]
    return CleanedPage(
        title=title or None,
        text=text,
        published_at=published_at,
        published_date=published_date,
        author=meta.author or (_meaningful(more.author) if doc is not None else None),
        site_name=site_name or None,
        canonical_url=meta.canonical_url,
        language=detect_language(text) or meta.lang,
    )


# Don't guess a publication date from dates mentioned in the article text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_MAX_FILE_SIZE = trafilatura.settings.DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE")


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's Document (or None), its text only; retried favouring recall when the default finds
    nothing. Its metadata, which costs a quarter of the extraction, is read only when asked for
    (_TrafilaturaMeta): the text does not depend on it."""
    options: dict[str, Any] = {
        "url": url,
        "with_metadata": False,
        "include_comments": False,
        "include_tables": True,
        "deduplicate": False,
        "date_extraction_params": _DATE_PARAMS,
    }
    doc = trafilatura.bare_extraction(html, **options)
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(html, favor_recall=True, **options)
    return doc


class _TrafilaturaMeta:
    """The metadata `bare_extraction(html, url=url, with_metadata=True, ...)` gives, read when first asked
    for: all of it (`full`, as bare_extraction reads it: trafilatura.metadata.extract_metadata on the page
    as parsed), or, when only the author is wanted, the steps of extract_metadata that decide the author
    (meta tags, JSON-LD, then the byline search when neither names one; trimmed as clean_and_trim does),
    skipping its title, URL, date, site name, category, tag and licence searches."""

    def __init__(self, html: str, url: str | None, full: bool) -> None:
        self._html, self._url, self._full = html, url, full
        self._doc: Any = None
        self._author_only: tuple[str | None] | None = None

    def _metadata(self) -> Any:
        if self._doc is None:
            tree = load_html(self._html, _MAX_FILE_SIZE)
            self._doc = Document() if tree is None else extract_metadata(tree, self._url, _DATE_PARAMS, False, set())
        return self._doc

    @property
    def sitename(self) -> str | None:
        return self._metadata().sitename

    @property
    def title(self) -> str | None:
        return self._metadata().title

    @property
    def date(self) -> str | None:
        return self._metadata().date

    @property
    def author(self) -> str | None:
        if self._full or self._doc is not None:
            return self._metadata().author
        if self._author_only is None:
            self._author_only = (self._read_author(),)
        return self._author_only[0]

    def _read_author(self) -> str | None:
        tree = load_html(self._html, _MAX_FILE_SIZE)
        if tree is None:
            return None
        found = trafilatura_metadata.examine_meta(tree)
        if found.author and " " not in found.author:
            found.author = None
        with contextlib.suppress(Exception):  # as extract_metadata: bugs in trafilatura's json_metadata.py
            found = trafilatura_metadata.extract_meta_json(tree, found)
        author = found.author or (trafilatura_metadata.extract_author(tree) if _may_name_author(tree) else None)
        if not isinstance(author, str):
            return author
        if len(author) > 10000:
            author = author[:9999] + "…"
        return line_processing(unescape(author))


# What trafilatura's byline search (metadata.extract_author: its AUTHOR_XPATHS, on a copy of the page
# less some parts) can find: an <author> or <rel> element, or a rel, id, class, itemprop, data-testid or
# data-component attribute holding one of these strings. A page with none of them has no byline to find,
# and the search (copying and pruning the page, then three XPaths with regex tests) is skipped.
_BYLINE_ATTRIBUTES = etree.XPath("//@rel|//@id|//@class|//@itemprop|//@data-testid|//@data-component")
_BYLINE_HINTS = re.compile(
    "uthor|[Bb]yl|BBL|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|journalist-name"
    "|screenname|writer"
)


def _may_name_author(tree: Any) -> bool:
    if next(tree.iter("author", "rel"), None) is not None:
        return True
    return _BYLINE_HINTS.search("\n".join(_BYLINE_ATTRIBUTES(tree))) is not None


@dataclass
class _Meta:
    titles: list[str]
    h1: str | None = None
    site_name: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    published_date: date | None = None
    canonical_url: str | None = None
    lang: str | None = None


# Meta tags naming the publication time, best first.
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)


def _read_metadata(html: str, url: str | None) -> _Meta:
    meta = _Meta(titles=[])
    tree = _parse(html)
    if tree is None:
        return meta
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    ld = _json_ld(tree)

    meta.site_name = _meaningful(tags.get("og:site_name")) or _meaningful(ld.get("publisher"))
    meta.author = _meaningful(tags.get("author")) or _meaningful(ld.get("author"))
    if meta.author and meta.author.startswith(("http://", "https://")):
        meta.author = None  # article:author is often a profile URL
    title_el = tree.find(".//title")
    h1 = tree.find(".//h1")
    meta.h1 = h1.text_content() if h1 is not None else None
    meta.titles = [
        t
        for t in (
            tags.get("og:title"),
            tags.get("twitter:title"),
            ld.get("headline"),
            title_el.text_content() if title_el is not None else None,
            h1.text_content() if h1 is not None else None,
        )
        if t
    ]

    stamps = [tags[k] for k in _DATE_META if k in tags]
    stamps += [ld["datePublished"]] if ld.get("datePublished") else []
    stamps += [el.get("datetime", "") for el in tree.iter("time") if el.get("datetime")]
    for stamp in stamps:
        at, day = _parse_datetime(stamp)
        if at is not None:
            meta.published_at, meta.published_date = at, day
            break
        if day is not None and meta.published_date is None:
            meta.published_date = day

    links = [el.get("href", "") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    for candidate in [*links, tags.get("og:url", "")]:
        absolute = urljoin(url or "", candidate.strip()) if candidate.strip() else ""
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
            meta.canonical_url = absolute
            break

    html_el = tree if tree.tag == "html" else tree.find(".//html")
    lang = (html_el.get("lang") if html_el is not None else None) or tags.get("og:locale") or ""
    meta.lang = re.split(r"[-_]", lang.strip().lower())[0] or None
    return meta


def _parse(html: str) -> Any:
    # lxml refuses str input that carries an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None


_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}


def _json_ld(tree: Any) -> dict[str, str]:
    """headline, datePublished, author and publisher names from JSON-LD, article objects first."""
    objects: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            objects.append(node)
            walk(node.get("@graph"))

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            walk(json.loads(script.text, strict=False))
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags usually say the same

    def is_article(obj: dict[str, Any]) -> bool:
        types = obj.get("@type")
        names = types if isinstance(types, list) else [types]
        return any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names)

    found: dict[str, str] = {}
    for obj in sorted(objects, key=lambda o: not is_article(o)):
        for key in ("headline", "datePublished", "author", "publisher"):
            value = _ld_name(obj.get(key)) if key in ("author", "publisher") else obj.get(key)
            if isinstance(value, str) and value.strip() and key not in found:
                found[key] = value.strip()
    return found


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) else None


def _parse_datetime(value: str) -> tuple[datetime | None, date | None]:
    """(aware datetime or None, date or None). A time without a zone keeps only its date: a naive
    time would be silently read in the machine's zone, which is worse than no time."""
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
            if m:
                try:
                    return None, date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return None, None
            return None, None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return None, parsed.date()
    return parsed, parsed.date()


def _meaningful(value: str | None) -> str | None:
    """The stripped value if it has a letter or digit (a title of ":" is no title)."""
    if not value:
        return None
    value = " ".join(value.split())
    return value if any(c.isalnum() for c in value) else None


def _strip_site(title: str | None, site_name: str | None) -> str | None:
    """'Headline | Site' -> 'Headline'. Without a known site name, the longest ' | ' part."""
    if not title:
        return None
    title = " ".join(title.split())
    if site_name:
        site = re.escape(" ".join(site_name.split()))
        title = re.sub(rf"\s*[|\-–—:»·]\s*{site}\s*$", "", title)
        title = re.sub(rf"^\s*{site}\s*[|\-–—:»·]\s*", "", title)
    elif " | " in title:
        title = max(title.split(" | "), key=len)
    return _meaningful(title)


def _prefer_shorter_form(title: str | None, others: list[str | None]) -> str | None:
    """'Headline - Site' -> 'Headline' when the page's h1 or first line is exactly 'Headline':
    strips an unknown site name without guessing at separators (Arabic titles use ' – ' inside)."""
    if not title:
        return None
    key = _fold(title)
    for other in others:
        other = _meaningful(other)
        if not other or len(_words(other)) < 2:
            continue
        short = _fold(other)
        if short != key and (key.startswith(short) or key.endswith(short)):
            rest = key.removeprefix(short) if key.startswith(short) else key.removesuffix(short)
            if re.match(r"^\s*[|\-–—:»·]", rest) or re.search(r"[|\-–—:»·]\s*$", rest):
                return other
    return title


def _pick_title(meta: _Meta, site_name: str | None) -> str | None:
    for candidate in meta.titles:
        title = _strip_site(candidate, site_name)
        if title and _fold(title) != _fold(site_name or ""):
            return title
    return None


# ---------------------------------------------------------------- language

_ARABIC_LETTERS_RUN = re.compile(f"[{ARABIC_SCRIPT_LETTERS}]+")  # counted by runs: one match a word, not a letter
# letters of Persian, Urdu, Pashto and Kurdish that Arabic spelling does not use (Arabic borrows
# پ چ گ ڤ for foreign names now and then, so those count only as a share of the text)
_NON_ARABIC_LETTER = re.compile(f"[{NON_ARABIC_LETTERS}]")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_A_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_SCRIPT_LANGS = ["ar", "fa", "ur", "ps", "ku"]
_LONG_ENOUGH = 80  # letters before langid may overrule "ar" for Arabic-script text
# langid's Arabic varieties (Egyptian, Moroccan, Levantine, ...) are all "ar" to us
_ARABIC_VARIETIES = frozenset({"arz", "ary", "arq", "apc", "acm", "ajp", "afb", "ars", "aeb", "acq", "ayl"})


@lru_cache(maxsize=2)
def _identifier(arabic_script: bool) -> LanguageIdentifier:
    # Our own instances: py3langid's module-level one is shared and mutable (set_languages).
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if arabic_script:
        ident.set_languages(_ARABIC_SCRIPT_LANGS)
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, None when it has no letters. Arabic-script text is
    "ar" unless it is long enough for langid to tell Persian/Urdu apart with confidence."""
    sample = text[:20_000]
    arabic = sum(map(len, _ARABIC_LETTERS_RUN.findall(sample)))
    # Arabic letters make at least half of all characters, so at least half of the letters: no need to
    # count the letters (a test of every character), only to know there is one
    if not (arabic * 2 >= len(sample) and _A_LETTER.search(sample)):
        letters = len(_NOT_LETTER.sub("", sample))
        if letters == 0:
            return None
        arabic_text = arabic / letters >= 0.5
    else:
        arabic_text = True
    if arabic_text:
        # Persian, Urdu, Pashto and Kurdish write letters Arabic does not (ی ک پ گ ے ...) on every line;
        # without them langid has nothing to overrule, so skip its cost (a third of cleaning time).
        if arabic >= _LONG_ENOUGH and len(_NON_ARABIC_LETTER.findall(sample)) * 100 >= arabic:
            lang, prob = _identifier(True).classify(sample)
            if lang != "ar" and prob >= 0.9:
                return str(lang)
        return "ar"
    lang, _ = _identifier(False).classify(sample)
    return "ar" if lang in _ARABIC_VARIETIES else str(lang)
