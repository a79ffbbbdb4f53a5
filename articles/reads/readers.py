"""Who is counted: a person's browser that showed the page, not a robot or a prefetch.

The beacon comes from our script, so only clients that run JavaScript send it; robots that
do (Googlebot renders pages, Lighthouse, headless browsers) say so in their user agent.
The other names (curl, python-requests…) are clients that post to the URL directly.
Zalo's in-app browser says "Zalo" too and is a reader: only its crawler is left out.
"""

import re

from axes.helpers import get_client_ip_address
from django.utils.crypto import constant_time_compare, salted_hmac

BOTS = re.compile(
    r"(?<!cu)bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-external"
    r"|headless|lighthouse|pagespeed|phantomjs|selenium|playwright|puppeteer|preview"
    r"|curl|wget|python|httpx|aiohttp|go-http-client|java/|okhttp|libwww|scrapy"
    r"|monitor|uptime|pingdom|archiver|feedfetcher|zalo.?(?:crawler|link)",
    re.IGNORECASE,
)
# Chromium's prefetch and prerender say "Sec-Purpose: prefetch[;prerender]", older
# browsers "Purpose: prefetch" (or X-Moz / X-Purpose).
PURPOSE_HEADERS = ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
# A beacon posted from another site's page (a forged count) says so; ours is same-origin.
FOREIGN_FETCH = {"cross-site"}
TOKEN_SALT = "articles.reads.beacon"
TOKEN_LENGTH = 16


def token(pk: int, section_id: int) -> str:
    """The beacon URL's proof that one of our pages showed this article in this section."""
    digest = salted_hmac(TOKEN_SALT, f"{pk}.{section_id}", algorithm="sha256").hexdigest()
    return digest[:TOKEN_LENGTH]


def valid_token(pk: int, section_id: int, given: str) -> bool:
    return constant_time_compare(token(pk, section_id), given)


def is_bot(user_agent: str) -> bool:
    """No user agent, or one naming a robot, a script or a headless browser."""
    return not user_agent.strip() or BOTS.search(user_agent) is not None


def counts(request) -> bool:
    """Whether this beacon request is a reader's read."""
    headers = request.headers
    if any("prefetch" in headers.get(name, "").lower() for name in PURPOSE_HEADERS):
        return False
    if headers.get("Sec-Fetch-Site", "").lower() in FOREIGN_FETCH:
        return False
    return not is_bot(headers.get("User-Agent", ""))


def address(request) -> str:
    """The client's address as the login throttle reads it (one trusted proxy's last hop
    of X-Forwarded-For behind ``DJANGO_BEHIND_PROXY``, else the socket's)."""
    return get_client_ip_address(request) or ""
