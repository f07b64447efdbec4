#!/usr/bin/env python3
"""The course's link crawler, four ways: sequential, threads, concurrent.futures, asyncio + aiohttp.

    python3 crawler.py URL [--mode sequential|threads|futures|asyncio] [--concurrency N]
                           [--depth N] [--max-pages N] [--timeout S] [--output FILE] [--quiet]

It crawls the pages of one origin (scheme, host and port) and writes the JSON report of the Java
link collector: the same rules (crawl_rules.py) and the same bytes, so that
`link-collector --compare` can check that both found the same thing. Links to other origins are
listed, not requested, as with the Java collector's --skip-external. The first three modes use
urllib (one connection per request, as urllib does); asyncio uses aiohttp (pip install -r
requirements.txt), which keeps connections alive. Exit status: 0 no broken links, 1 broken
links, 2 usage error.
"""

import argparse
import asyncio
import collections
import concurrent.futures
import os
import queue
import socket
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib

from crawl_rules import CrawlState, Outcome, RobotsRules, extract_links, is_http, origin, path_and_query, resolve_link

USER_AGENT = "ute-link-collector/1.0"   # the Java collector's, so that robots.txt treats both alike
HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
           "Accept-Encoding": "gzip, deflate"}
PAGE_CAP = 4 * 1024 * 1024      # HTML pages are read this far
OTHER_CAP = 64 * 1024           # anything else (images, errors, redirects)
ROBOTS_CAP = 500 * 1024         # RFC 9309 section 2.5
REDIRECTS = (301, 302, 303, 307, 308)


class Failure(Exception):
    """No usable response; the message is what the report says."""


def cap_for(status, headers):
    media = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    html = media in ("text/html", "application/xhtml+xml", "")
    return PAGE_CAP if 200 <= status < 300 and html else OTHER_CAP


def decode(body, codings, cap):
    """Undoes gzip and deflate (urllib leaves that to us; aiohttp does it itself)."""
    for coding in reversed([c.strip().lower() for c in ",".join(codings).split(",") if c.strip()]):
        if coding in ("gzip", "x-gzip"):
            body = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, cap + 1)
        elif coding == "deflate":
            try:
                body = zlib.decompressobj().decompress(body, cap + 1)
            except zlib.error:   # raw deflate without the zlib wrapper, as some servers send
                body = zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, cap + 1)
        elif coding != "identity":
            raise Failure("Content-Encoding %s not supported: links not read" % coding)
    return body


def outcome(url, status, headers, body, truncated):
    """What one response means for the crawl: a page (links read), a redirect, or an error."""
    if status in REDIRECTS:
        location = headers.get("Location")
        if location is None:
            return Outcome("error", status, "%d without Location" % status)
        kind, target = resolve_link(url, location)
        if kind != "ok" or not is_http(target):
            return Outcome("error", status, "%d with unusable Location" % status)
        return Outcome("redirect", status, str(status), redirect_to=target)
    if not 200 <= status < 300:
        return Outcome("error", status, str(status))
    content_type = headers.get("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    links, malformed = [], []
    sniffed = media == "" and body[:256].lstrip().lower().startswith((b"<!doctype html", b"<html"))
    if media in ("text/html", "application/xhtml+xml") or sniffed:
        charset = "utf-8"
        for param in content_type.split(";")[1:]:
            name, _, value = param.strip().partition("=")
            if name.lower() == "charset":
                charset = value.strip('"').strip()
        try:
            text = body.decode(charset, "replace")
        except LookupError:
            text = body.decode("utf-8", "replace")
        links, malformed = extract_links(url, text)
    return Outcome("page", status, str(status), media, len(body), truncated, links, malformed)


def robots_rules(status, headers, body):
    """RFC 9309 2.3.1: 2xx parsed, 4xx allows everything, 5xx forbids everything."""
    if 200 <= status < 300:
        return RobotsRules.parse(body.decode("utf-8", "replace"), "ute-link-collector")
    return RobotsRules(disallow_all=status >= 500)


# ---- urllib: sequential, threads and futures --------------------------------------------------

class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None   # a redirect is an outcome: the crawl state decides whether to follow it


class BlockingFetcher:
    """fetch(url) -> Outcome, with urllib; thread-safe (robots.txt is read once, under a lock)."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.opener = urllib.request.build_opener(_NoRedirects)
        self.robots = {}
        self.lock = threading.Lock()

    def get(self, url, cap_of):
        try:
            try:
                response = self.opener.open(urllib.request.Request(url, headers=HEADERS), timeout=self.timeout)
            except urllib.error.HTTPError as error:
                response = error   # 3xx, 4xx and 5xx are answers too
            with response:
                status, headers = response.code, response.headers
                cap = cap_of(status, headers)
                body = response.read(cap + 1)
        except (socket.timeout, TimeoutError):
            raise Failure("timeout")
        except urllib.error.URLError as error:
            raise Failure("connection refused" if isinstance(error.reason, ConnectionRefusedError) else "I/O error")
        except OSError:
            raise Failure("I/O error")
        body = decode(body, headers.get_all("Content-Encoding") or [], cap)
        return status, _Latin1Headers(headers), body[:cap], len(body) > cap

    def rules_for(self, site):
        with self.lock:   # the first thread reads it, the others wait for it
            if site not in self.robots:
                url = site + "/robots.txt"
                try:
                    for _ in range(6):   # RFC 9309 2.3.1.2: follow at least five redirects
                        status, headers, body, _ = self.get(url, lambda s, h: ROBOTS_CAP)
                        if status not in REDIRECTS or not headers.get("Location"):
                            break
                        url = resolve_link(url, headers.get("Location"))[1]
                    self.robots[site] = robots_rules(status, headers, body)
                except Failure as failure:
                    self.robots[site] = failure
            return self.robots[site]

    def fetch(self, url):
        rules = self.rules_for(origin(url))
        if isinstance(rules, Failure):
            return Outcome("failed", 0, str(rules))
        if not rules.allows(path_and_query(url)):
            return Outcome("blocked", 0, "disallowed by robots.txt")
        try:
            return outcome(url, *self.get(url, cap_for))
        except Failure as failure:
            return Outcome("failed", 0, str(failure))


class _Latin1Headers:
    """http.client reads field bytes as ISO-8859-1; a raw UTF-8 Location is read as UTF-8 here."""

    def __init__(self, headers):
        self.headers = headers

    def get(self, name):
        value = self.headers.get(name)
        if value is None:
            return None
        try:
            return value.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return value


def crawl_sequential(state, fetcher, concurrency):
    todo = collections.deque(state.start())
    while todo:
        task = todo.popleft()
        todo.extend(state.complete(task, fetcher.fetch(task[0])))


def crawl_threads(state, fetcher, concurrency):
    work = queue.Queue()
    for task in state.start():
        work.put(task)

    def worker():
        while (task := work.get()) is not None:
            result = fetcher.fetch(task[0])
            with state.lock:
                new_tasks = state.complete(task, result)
            for new_task in new_tasks:
                work.put(new_task)
            work.task_done()   # after its new tasks are queued, so join() cannot return early

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    work.join()
    for _ in threads:
        work.put(None)
    for t in threads:
        t.join()


def crawl_futures(state, fetcher, concurrency):
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        pending = {pool.submit(fetcher.fetch, task[0]): task for task in state.start()}
        while pending:
            done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                for new_task in state.complete(pending.pop(future), future.result()):
                    pending[pool.submit(fetcher.fetch, new_task[0])] = new_task


# ---- asyncio + aiohttp --------------------------------------------------------------------------

async def _get_async(session, url, cap_of):
    import aiohttp
    import yarl
    try:
        # encoded=True: the URL is normalised already. yarl still drops an empty query ('/p?'
        # goes out as '/p'); the report keeps both URLs, as the Java collector does.
        async with session.get(yarl.URL(url, encoded=True), allow_redirects=False) as response:
            cap = cap_of(response.status, response.headers)
            body = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                body += chunk
                if len(body) > cap:
                    break
            return response.status, response.headers, bytes(body[:cap]), len(body) > cap
    except asyncio.TimeoutError:
        raise Failure("timeout")
    except aiohttp.ClientConnectorError as error:
        raise Failure("connection refused" if isinstance(error.os_error, ConnectionRefusedError) else "I/O error")
    except (aiohttp.ClientError, OSError):
        raise Failure("I/O error")


async def crawl_asyncio(state, timeout, concurrency):
    import aiohttp
    robots = {}

    async def rules_for(session, site):
        if site not in robots:   # one task reads it; the others await the same future
            robots[site] = asyncio.ensure_future(load_robots(session, site + "/robots.txt"))
        return await robots[site]

    async def load_robots(session, url):
        try:
            for _ in range(6):
                status, headers, body, _ = await _get_async(session, url, lambda s, h: ROBOTS_CAP)
                if status not in REDIRECTS or not headers.get("Location"):
                    return robots_rules(status, headers, body)
                url = resolve_link(url, headers.get("Location"))[1]
            return RobotsRules()
        except Failure as failure:
            return failure

    async def fetch(session, url):
        rules = await rules_for(session, origin(url))
        if isinstance(rules, Failure):
            return Outcome("failed", 0, str(rules))
        if not rules.allows(path_and_query(url)):
            return Outcome("blocked", 0, "disallowed by robots.txt")
        try:
            return outcome(url, *await _get_async(session, url, cap_for))
        except Failure as failure:
            return Outcome("failed", 0, str(failure))

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(headers=HEADERS, connector=connector,
                                     timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        work = asyncio.Queue()
        for task in state.start():
            work.put_nowait(task)

        async def worker():
            while True:
                task = await work.get()
                for new_task in state.complete(task, await fetch(session, task[0])):
                    work.put_nowait(new_task)
                work.task_done()

        workers = [asyncio.create_task(worker()) for _ in range(concurrency)]
        await work.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


# ---- the command line -----------------------------------------------------------------------

def main(argv):
    parser = argparse.ArgumentParser(description="Crawl one site and write the link collector's JSON report.")
    parser.add_argument("url", help="start URL (http or https)")
    parser.add_argument("--mode", choices=["sequential", "threads", "futures", "asyncio"], default="asyncio")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight at most (default 16)")
    parser.add_argument("--depth", type=int, default=10, help="follow links at most N steps (default 10)")
    parser.add_argument("--max-pages", type=int, default=1000, help="fetch at most N linked pages (default 1000)")
    parser.add_argument("--max-redirects", type=int, default=10, help="redirects per link (default 10)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request (default 10)")
    parser.add_argument("--output", help="write the report here (default: stdout)")
    parser.add_argument("--quiet", action="store_true", help="nothing on stderr but errors")
    args = parser.parse_args(argv)
    if args.concurrency < 1 or args.depth < 0 or args.max_pages < 1 or args.timeout <= 0:
        parser.error("--concurrency and --max-pages must be >= 1, --depth >= 0, --timeout > 0")
    kind, start = resolve_link(args.url, args.url)
    if kind != "ok" or not is_http(start):
        parser.error("not an http or https URL: " + args.url)

    began = time.monotonic()
    state = CrawlState(start, args.depth, args.max_pages, args.max_redirects)
    if args.mode == "asyncio":
        asyncio.run(crawl_asyncio(state, args.timeout, args.concurrency))
    else:
        crawl = {"sequential": crawl_sequential, "threads": crawl_threads, "futures": crawl_futures}[args.mode]
        crawl(state, BlockingFetcher(args.timeout), args.concurrency)
    report = state.report()
    if args.output:
        folder = os.path.dirname(os.path.abspath(args.output))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as out:
            out.write(report)
        os.replace(out.name, args.output)   # the file appears whole or not at all
    else:
        sys.stdout.write(report)
    broken = '"brokenLinks": [\n  ]' not in report
    if not args.quiet:
        print("done in %.2f s (%s)" % (time.monotonic() - began, args.mode), file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
