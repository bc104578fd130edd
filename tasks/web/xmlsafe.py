"""XML from the web, parsed without ever expanding entities or following external references.

    parse_xml(data) -> Element      # raises HostileXMLError or MalformedXMLError
    gunzip(data, max_bytes) -> bytes  # raises MalformedXMLError; a gzip bomb stops at max_bytes

defusedxml refuses any entity declaration (billion laughs, quadratic blow-up) and any external
entity or DTD fetch (XXE): a feed or sitemap has no business declaring either, so such a
document is refused outright rather than parsed with the entities left out.
"""

from __future__ import annotations

import zlib
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden


class HostileXMLError(ValueError):
    """The document declares entities or references external resources: refused unparsed."""


class MalformedXMLError(ValueError):
    """Not well-formed XML (or broken gzip)."""


def parse_xml(data: bytes) -> Element:
    try:
        return DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            raise HostileXMLError(
                f"declares external entity {exc.name!r} ({exc.sysid or exc.pubid!r} is never fetched)"
            ) from None
        raise HostileXMLError(f"declares XML entity {exc.name!r} (entities are never expanded)") from None
    except ExternalReferenceForbidden as exc:
        raise HostileXMLError(f"references an external resource {exc.sysid!r} (never fetched)") from None
    except (DTDForbidden, DefusedXmlException) as exc:
        raise HostileXMLError(f"refused: {type(exc).__name__}") from None
    except ParseError as exc:
        raise MalformedXMLError(f"not well-formed XML ({exc})") from None


def local_name(tag: object) -> str:
    """'{namespace}loc' -> 'loc': sitemaps in the wild use every namespace spelling."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, stopping as soon as the output would pass max_bytes."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise MalformedXMLError(f"broken gzip data ({exc})") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise MalformedXMLError(f"gzip data expands beyond the {max_bytes}-byte limit")
    if not inflater.eof:
        raise MalformedXMLError("broken gzip data (truncated)")
    return out
