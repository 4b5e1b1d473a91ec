"""Polite HTTP fetching with the standard library.

- a named user agent, ``Parley/0.1 (+https://github.com/parley)``;
- robots.txt, read once per host (a missing robots.txt allows all; one that fails with a
  5xx or times out disallows the host for this run, as RFC 9309 asks);
- a per-host rate limit (default one request a second per host);
- timeouts (default 20 s), retries with exponential back-off on timeouts, 429 and 5xx
  (default 2 retries: 1 s, 2 s; ``Retry-After`` is honoured up to 60 s);
- redirects followed by hand (at most 5), with a loop guard;
- conditional GET (``If-None-Match`` / ``If-Modified-Since``) from the validators of the
  last fetch of the same URL, kept in memory and optionally in a JSON file (written at
  each change, or with ``autosave=False`` only when :meth:`Fetcher.save` is called, e.g.
  once the articles of a run are stored).

Every failure is a :class:`FetchError` with a short ``reason`` (``http_404``, ``http_500``,
``timeout``, ``redirect_loop``, ``too_many_redirects``, ``robots``, ``network``,
``too_large``) that becomes a Rejection at the caller.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

USER_AGENT = "Parley/0.1 (+https://github.com/parley)"
MAX_BYTES = 20 * 1024 * 1024


class FetchError(Exception):
    def __init__(self, url: str, reason: str, detail: str) -> None:
        super().__init__(f"{url}: {reason} ({detail})")
        self.url = url
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # the final URL, after redirects
    status: int  # 200, or 304 when a conditional GET found nothing new
    body: bytes
    headers: dict[str, str]

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"' ")
        return None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Fetcher:
    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    per_host_interval: float = 1.0
    max_redirects: int = 5
    max_bytes: int = MAX_BYTES
    respect_robots: bool = True
    cache_path: Path | None = None
    autosave: bool = True  # write the cache at each change; else only on save()
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, repr=False)
    _validators: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirect())
        if self.cache_path is not None and self.cache_path.exists():
            try:
                self._validators = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                logger.warning("ignoring unreadable fetch cache %s", self.cache_path)

    # -- politeness -----------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            due = self._last.get(host, 0.0) + self.per_host_interval
            self._last[host] = max(now, due)
        if due > now:
            time.sleep(due - now)

    def allowed(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._read_robots(base)
        rp = self._robots[base]
        return rp is None or rp.can_fetch(self.user_agent, url)

    def _read_robots(self, base: str) -> urllib.robotparser.RobotFileParser | None:
        rp = urllib.robotparser.RobotFileParser()
        try:
            resp = self._request(f"{base}/robots.txt", {}, check_robots=False)
        except FetchError as exc:
            if exc.reason.startswith("http_4"):
                return None  # no robots.txt: everything allowed
            logger.warning("robots.txt of %s failed (%s); not fetching from it", base, exc.reason)
            rp.parse(["User-agent: *", "Disallow: /"])
            return rp
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rp

    # -- fetching -------------------------------------------------------------------------
    def get(self, url: str, conditional: bool = False, remember: bool = True) -> Response:
        """GET ``url`` politely; with ``conditional`` send the validators of the last fetch
        (a 304 answer comes back as ``Response(status=304, body=b"")``) and, unless
        ``remember`` is False, keep the new ones of a 200 answer (a caller that must first
        finish reading the answer keeps them itself with :meth:`remember`)."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "bad_url", "only http:// and https:// URLs can be fetched")
        if not self.allowed(url):
            raise FetchError(url, "robots", f"robots.txt disallows {self.user_agent!r}")
        headers = {}
        if conditional:
            v = self._validators.get(url, {})
            if "etag" in v:
                headers["If-None-Match"] = v["etag"]
            if "last-modified" in v:
                headers["If-Modified-Since"] = v["last-modified"]
        resp = self._request(url, headers, check_robots=True)
        if conditional and remember and resp.status == 200:
            self.remember(url, resp)
        return resp

    def has_validators(self, url: str) -> bool:
        """Whether a conditional GET of ``url`` would send validators (ETag / Last-Modified)."""
        return bool(self._validators.get(url))

    def forget(self, url: str) -> None:
        """Drop ``url``'s validators, so that the next GET of it is a full one."""
        if self._validators.pop(url, None) is not None and self.autosave:
            self.save()

    def remember(self, url: str, resp: Response) -> None:
        """Keep ``resp``'s validators for a conditional GET of ``url`` next time."""
        v: dict[str, str] = {k: resp.headers[k] for k in ("etag", "last-modified")
                             if k in resp.headers}
        if v:
            self._validators[url] = v
            if self.autosave:
                self.save()

    def save(self) -> None:
        """Write the validators to ``cache_path`` (when there is one)."""
        if self.cache_path is None:
            return
        try:
            self.cache_path.write_text(json.dumps(self._validators), encoding="utf-8")
        except OSError as exc:
            logger.warning("cannot write fetch cache %s: %s", self.cache_path, exc)

    def _request(self, url: str, headers: dict[str, str], check_robots: bool) -> Response:
        seen = [url]
        current = url
        while True:
            resp = self._one(current, headers)
            if resp.status in (301, 302, 303, 307, 308):
                target = resp.headers.get("location")
                if not target:
                    raise FetchError(url, f"http_{resp.status}", "a redirect without a Location")
                target = urllib.parse.urljoin(current, target)
                if target in seen:
                    raise FetchError(url, "redirect_loop",
                                     " -> ".join(seen + [target]))
                if len(seen) > self.max_redirects:
                    raise FetchError(url, "too_many_redirects",
                                     f"more than {self.max_redirects} redirects")
                if check_robots and not self.allowed(target):
                    raise FetchError(target, "robots", "robots.txt disallows the redirect target")
                seen.append(target)
                current = target
                continue
            return resp

    def _one(self, url: str, headers: dict[str, str]) -> Response:
        host = urllib.parse.urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            req = urllib.request.Request(url, headers={
                "User-Agent": self.user_agent, "Accept-Encoding": "identity", **headers})
            retry_after: float | None = None
            try:
                with self._opener.open(req, timeout=self.timeout) as r:
                    body = r.read(self.max_bytes + 1)
                    hdrs = {k.lower(): v for k, v in r.headers.items()}
                    if len(body) > self.max_bytes:
                        raise FetchError(url, "too_large", f"over {self.max_bytes:,} bytes")
                    return Response(r.geturl(), r.status, body, hdrs)
            except urllib.error.HTTPError as exc:
                hdrs = {k.lower(): v for k, v in (exc.headers or {}).items()}
                if exc.code in (301, 302, 303, 307, 308, 304):
                    return Response(url, exc.code, b"", hdrs)
                error = FetchError(url, f"http_{exc.code}", str(exc.reason))
                if exc.code != 429 and exc.code < 500:
                    raise error from None
                retry_after = _retry_after(hdrs.get("retry-after"))
            except TimeoutError as exc:
                error = FetchError(url, "timeout", f"no answer within {self.timeout:g} s")
                error.__cause__ = exc
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, TimeoutError):
                    error = FetchError(url, "timeout", f"no answer within {self.timeout:g} s")
                else:
                    error = FetchError(url, "network", str(exc.reason))
            except (ConnectionError, OSError) as exc:
                error = FetchError(url, "network", str(exc))
            if attempt >= self.retries:
                raise error
            delay = retry_after if retry_after is not None else self.backoff * 2 ** attempt
            logger.info("%s: %s; retry %d in %.1f s", url, error.reason, attempt + 1, delay)
            time.sleep(delay)
            attempt += 1


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return min(60.0, max(0.0, float(value)))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return min(60.0, max(0.0, parsed.timestamp() - time.time()))
