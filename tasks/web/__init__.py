"""The crawler: web sources (feeds, sitemaps, URL lists) into raw pages, politely.

    sources     the sources file and --url/--feed/--sitemap as Source values
    links       URL normalisation, hosts, which links are articles
    xmlsafe     XML parsing with entity expansion and external references refused
    feeds       RSS/Atom feeds -> article links with hints
    sitemaps    sitemaps, indexes, news sitemaps, gzip -> article links
    fetch       one bounded HTTP fetch (timeouts, size cap, redirects, decoding)
    politeness  robots.txt, per-host delay and one request at a time, retries with backoff
    crawlstate  what earlier runs left in the lake: fetch history, frontier, source runs
    crawl       discovery and page fetching into the lake, in a kill-safe write order

Plain functions, no Prefect: flows/web.py runs them as tasks.
"""
