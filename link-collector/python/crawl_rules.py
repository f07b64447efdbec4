"""What every mode of crawler.py shares: the crawl rules, the same as the Java link collector's.

- URLs: RFC 3986 resolution (section 5.2) and normalisation (6.2.2, 6.2.3). Written out here
  because urllib.parse.urljoin drops an empty query ('/p?' becomes '/p').
- Links: href/src of the same elements, read with html.parser.
- robots.txt: RFC 9309 groups, longest match wins, Allow wins a tie, '*' and '$'.
- CrawlState: one node per URL; links and redirects are edges. Every URL is fetched once,
  whichever way it is reached, and depths only ever get shorter, so the result does not depend
  on the order in which fetches finish. The JSON report is byte for byte the Java one.
"""

import html.parser
import re
import threading

# ---- URLs (RFC 3986) ----------------------------------------------------------------------------

_PARTS = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?", re.S)
_UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = set("!$&'()*+,;=")
SKIPPED_SCHEMES = {"mailto", "javascript", "tel", "data"}


class MalformedLink(ValueError):
    pass


def split(ref):
    """Appendix B: (scheme, authority, path, query, fragment); None where absent."""
    m = _PARTS.match(ref)
    return m.group(2), m.group(4), m.group(5), m.group(7), m.group(9)


def remove_dot_segments(path):
    """Section 5.2.4, step by step."""
    out = []
    while path:
        if path.startswith("../"):
            path = path[3:]
        elif path.startswith("./"):
            path = path[2:]
        elif path.startswith("/./"):
            path = path[2:]
        elif path == "/.":
            path = "/"
        elif path.startswith("/../"):
            path = path[3:]
            if out:
                out.pop()
        elif path == "/..":
            path = "/"
            if out:
                out.pop()
        elif path in (".", ".."):
            path = ""
        else:
            end = path.find("/", 1 if path.startswith("/") else 0)
            end = len(path) if end < 0 else end
            out.append(path[:end])
            path = path[end:]
    return "".join(out)


def resolve(base, ref):
    """Section 5.2.2: the target of reference `ref` (split) against the absolute `base` (split)."""
    scheme, authority, path, query, fragment = ref
    if scheme is not None:
        return scheme, authority, remove_dot_segments(path), query, fragment
    b_scheme, b_authority, b_path, b_query, _ = base
    if authority is not None:
        return b_scheme, authority, remove_dot_segments(path), query, fragment
    if path == "":
        return b_scheme, b_authority, b_path, (query if query is not None else b_query), fragment
    if not path.startswith("/"):
        if b_authority is not None and b_path == "":
            path = "/" + path
        else:
            path = b_path[: b_path.rfind("/") + 1] + path
    return b_scheme, b_authority, remove_dot_segments(path), query, fragment


def _percent(component, allowed):
    """Sections 6.2.2.1-2: uppercase escapes, decode unreserved, encode the rest as UTF-8."""
    out = []
    i = 0
    while i < len(component):
        c = component[i]
        if c == "%":
            hexdigits = component[i + 1:i + 3]
            if len(hexdigits) == 2 and all(h in "0123456789abcdefABCDEF" for h in hexdigits):
                decoded = chr(int(hexdigits, 16))
                out.append(decoded if decoded in _UNRESERVED else "%" + hexdigits.upper())
                i += 3
            else:
                out.append("%25")
                i += 1
            continue
        if c in _UNRESERVED or c in _SUB_DELIMS or c in allowed:
            out.append(c)
        else:
            out.append("".join("%%%02X" % b for b in c.encode("utf-8")))
        i += 1
    return "".join(out)


def _authority(authority, scheme):
    userinfo, _, hostport = authority.rpartition("@")
    host, port = hostport, ""
    if ":" in hostport and not hostport.endswith("]"):
        host, _, port = hostport.rpartition(":")
    if port and (not port.isdigit() or len(port) > 5 or int(port) > 65535):
        raise MalformedLink('invalid port "%s"' % port)
    if any(c.isascii() and not (c in _UNRESERVED or c in _SUB_DELIMS or c in "%[]:") for c in host):
        raise MalformedLink("invalid character in host")
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    host = _percent(host.lower(), "")
    default = (scheme == "http" and port == "80") or (scheme == "https" and port == "443")
    port = "" if not port or default else ":" + str(int(port))
    return (_percent(userinfo, ":") + "@" if "@" in authority else "") + host + port


def normalize(parts):
    """Sections 6.2.2 and 6.2.3 on a resolved URL; the fragment is dropped."""
    scheme, authority, path, query, _ = parts
    if scheme is None or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        raise MalformedLink("invalid scheme")
    scheme = scheme.lower()
    http = scheme in ("http", "https")
    if authority is not None:
        authority = _authority(authority, scheme)
    if http and not authority:
        raise MalformedLink("missing host")
    path = remove_dot_segments(_percent(path, ":@/"))
    if http and path == "":
        path = "/"
    url = scheme + ":" + ("//" + authority if authority is not None else "") + path
    return url + ("?" + _percent(query, ":@/?") if query is not None else "")


def clean(href):
    """Spaces around a link removed; tabs and line breaks inside it too (RFC 3986 appendix C)."""
    href = href.strip("".join(chr(c) for c in range(33)))
    return href.replace("\t", "").replace("\n", "").replace("\r", "")


def resolve_link(base_url, href):
    """('ok', url) | ('skip', href) | ('malformed', href), as UrlNormalizer.resolveLink."""
    href = clean(href)
    ref = split(href)
    if ref[0] is not None and ref[0].lower() in SKIPPED_SCHEMES:
        return "skip", href
    try:
        return "ok", normalize(resolve(split(base_url), ref))
    except MalformedLink:
        return "malformed", href


def is_http(url):
    return url.startswith("http://") or url.startswith("https://")


def origin(url):
    scheme, authority, _, _, _ = split(url)
    return scheme + "://" + authority.rpartition("@")[2]


def path_and_query(url):
    _, _, path, query, _ = split(url)
    return path + ("?" + query if query is not None else "")


# ---- links in HTML ------------------------------------------------------------------------------

_LINK_ATTRIBUTE = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
                   "iframe": "src", "frame": "src", "embed": "src", "source": "src", "track": "src",
                   "audio": "src", "video": "src"}


class _LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.base = None

    def handle_starttag(self, tag, attrs):
        values = {}
        for name, value in attrs:
            values.setdefault(name, value or "")   # the first of two equal attributes wins
        wanted = _LINK_ATTRIBUTE.get(tag)
        if wanted in values:
            self.links.append(values[wanted])
        if tag == "base" and self.base is None and "href" in values:
            self.base = values["href"]

    handle_startendtag = handle_starttag


def extract_links(page_url, text):
    """The page's links: normalised, distinct, in document order; and the malformed ones."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    base = page_url
    if parser.base is not None:
        kind, url = resolve_link(page_url, parser.base)
        base = url if kind == "ok" else base
    links, malformed = {}, {}
    for href in parser.links:
        kind, url = resolve_link(base, href)
        if kind == "ok":
            links[url] = None
        elif kind == "malformed":
            malformed[url] = None
    return list(links), list(malformed)


# ---- robots.txt (RFC 9309) ----------------------------------------------------------------------

class RobotsRules:
    def __init__(self, rules=(), disallow_all=False):
        self.rules = list(rules)   # (allow, path, compiled pattern)
        self.disallow_all = disallow_all

    @staticmethod
    def parse(text, token):
        mine, star, any_mine, any_star = [], [], False, False
        group_mine = group_star = in_agents = False
        for line in re.split(r"\r\n|\r|\n", text):
            key, colon, value = line.split("#", 1)[0].partition(":")
            if not colon:
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                if not in_agents:
                    group_mine = group_star = False
                in_agents = True
                if value == "*":
                    group_star = any_star = True
                elif value.lower() == token.lower():
                    group_mine = any_mine = True
            elif key in ("allow", "disallow"):
                in_agents = False
                if value:
                    anchored = value.endswith("$")
                    pattern = re.escape(value[:-1] if anchored else value).replace(r"\*", ".*") + ("$" if anchored else "")
                    rule = (key == "allow", value, re.compile(pattern, re.S))
                    if group_mine:
                        mine.append(rule)
                    if group_star:
                        star.append(rule)
            else:
                in_agents = False
        if any_mine:
            return RobotsRules(mine)
        return RobotsRules(star) if any_star else RobotsRules()

    def allows(self, path):
        if path == "/robots.txt":
            return True
        if self.disallow_all:
            return False
        best = None
        for allow, rule_path, pattern in self.rules:
            if pattern.match(path) and (best is None or len(rule_path) > len(best[1])
                                        or (len(rule_path) == len(best[1]) and allow and not best[0])):
                best = (allow, rule_path)
        return best is None or best[0]


# ---- the crawl state ----------------------------------------------------------------------------

FAR = 1 << 30


class Node:
    __slots__ = ("url", "crawl", "state", "depth", "hops", "start_chain", "outcome")

    def __init__(self, url):
        self.url, self.crawl, self.state = url, False, None
        self.depth = self.hops = FAR
        self.start_chain, self.outcome = False, None


class Outcome:
    """One request's result: kind is page, redirect, error, failed or blocked."""
    __slots__ = ("kind", "status", "content_type", "bytes", "truncated", "links", "malformed",
                 "redirect_to", "detail", "problem")

    def __init__(self, kind, status=0, detail="", content_type="", size=0, truncated=False,
                 links=(), malformed=(), redirect_to="", problem=""):
        self.kind, self.status, self.detail = kind, status, detail
        self.content_type, self.bytes, self.truncated = content_type, size, truncated
        self.links, self.malformed = list(links), list(malformed)
        self.redirect_to, self.problem = redirect_to, problem


class CrawlState:
    """The Java CrawlState, line for line in spirit; every method is called with self.lock held."""

    def __init__(self, start_url, max_depth=10, max_pages=1000, max_redirects=10):
        self.start_url = start_url
        self.max_depth, self.max_pages, self.max_redirects = max_depth, max_pages, max_redirects
        self.nodes = {}
        self.extra_origins = []
        self.admitted = self.completed = 0
        self.lock = threading.Lock()

    def start(self):
        out = []
        node = self._node(self.start_url)
        node.start_chain = True
        self._improve(node, 0, 0, out)
        return out

    def complete(self, task, outcome):
        """Records one outcome; returns the new tasks, each a (url, depth)."""
        self.completed += 1
        out = []
        node = self.nodes[task[0]]
        node.state, node.outcome = "done", outcome
        if outcome.kind == "page" and node.crawl:
            for link in outcome.links:
                self._improve(self._node(link), node.depth + 1, 0, out)
        elif outcome.kind == "redirect":
            target = outcome.redirect_to
            if node.start_chain and target not in self.nodes and not self._in_scope(target):
                self.extra_origins.append(origin(target))
            nxt = self._node(target)
            nxt.start_chain = nxt.start_chain or node.start_chain
            self._improve(nxt, node.depth, node.hops + 1, out)
        return out

    def _in_scope(self, url):
        return is_http(url) and (origin(url) == origin(self.start_url) or origin(url) in self.extra_origins)

    def _node(self, url):
        node = self.nodes.get(url)
        if node is None:
            node = self.nodes[url] = Node(url)
            if url == self.start_url or self._in_scope(url):
                node.crawl = True
            else:
                node.state = "out of scope"   # like the Java crawler with --skip-external
        return node

    def _improve(self, node, depth, hops, out):
        shallower, nearer = depth < node.depth, hops < node.hops
        if not (shallower or nearer):
            return
        node.depth, node.hops = min(node.depth, depth), min(node.hops, hops)
        if node.state in (None, "too deep", "over limit", "too far"):
            self._consider(node, out)
        elif node.state == "done":
            if node.outcome.kind == "page" and shallower:
                for link in node.outcome.links:
                    self._improve(self._node(link), node.depth + 1, 0, out)
            elif node.outcome.kind == "redirect":
                self._improve(self._node(node.outcome.redirect_to), node.depth, node.hops + 1, out)

    def _consider(self, node, out):
        if node.depth > self.max_depth:
            node.state = "too deep"
        elif node.hops > self.max_redirects:
            node.state = "too far"
        elif node.hops == 0 and self.admitted >= self.max_pages:
            node.state = "over limit"
        else:
            if node.hops == 0:
                self.admitted += 1
            node.state = "queued"
            out.append((node.url, node.depth))

    # ---- the result ----

    def _verdict(self, link):
        """(status, broken, reason, http status, final URL, via redirect) of a link, its redirects walked."""
        node, visited, last = link, {link.url}, 0
        while True:
            via = node is not link
            if node.state == "out of scope":
                if via:
                    return "redirects out of scope to " + node.url, False, "", last, node.url, True
                return "not checked (out of scope)", False, "", 0, node.url, False
            if node.state != "done":
                why = {"too deep": "deeper than --depth", "over limit": "--max-pages reached"}.get(node.state, "crawl stopped")
                return "not checked (%s)" % why, False, "", 0, node.url, False
            o = node.outcome
            if o.kind == "page":
                return "ok %d%s" % (o.status, " via redirect" if via else ""), False, "", o.status, node.url, via
            if o.kind == "blocked":
                return "not checked (robots.txt)", False, "", 0, node.url, False
            if o.kind in ("error", "failed"):
                return o.detail, True, o.detail, o.status, node.url, via
            nxt = self.nodes[o.redirect_to]
            last = o.status
            if nxt.url in visited:
                return "redirect loop", True, "redirect loop", o.status, nxt.url, True
            if len(visited) > self.max_redirects:
                reason = "more than %d redirects" % self.max_redirects
                return reason, True, reason, o.status, nxt.url, True
            visited.add(nxt.url)
            node = nxt

    def report(self):
        """The JSON report, formatted exactly as the Java collector writes it."""
        pages, linked_from = [], {}
        for node in self.nodes.values():
            if node.state == "done" and node.crawl and node.outcome.kind == "page":
                pages.append(node)
                for link in node.outcome.links + node.outcome.malformed:
                    linked_from.setdefault(link, set()).add(node.url)
        pages.sort(key=lambda n: n.url)
        broken, status, redirects = {}, {}, {}
        for url in sorted(set(linked_from) | {self.start_url}):
            node = self.nodes.get(url)
            sources = sorted(linked_from.get(url, ()))
            if node is None:
                status[url] = "malformed URL"
                broken[url] = ("malformed URL", 0, url, sources)
                continue
            text, is_broken, reason, code, final, via = self._verdict(node)
            status[url] = text
            if is_broken:
                broken[url] = (reason, code, final, sources)
            elif via:
                redirects[url] = final
        return _json(self.start_url, self.completed, pages, broken, redirects, status)


def _string(s):
    out = ['"']
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif ord(c) < 0x20:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _array(values):
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _object(members, indent):
    if not members:
        return "{}"
    items = [_string(k) + ": " + _string(v) for k, v in sorted(members.items())]
    if not indent:
        return "{" + ", ".join(items) + "}"
    return "{\n" + indent + (",\n" + indent).join(items) + "\n  }"


def _json(start_url, fetched, pages, broken, redirects, status):
    lines = ["{", '  "startUrl": %s,' % _string(start_url),
             '  "summary": {"pages": %d, "fetched": %d, "broken": %d, "complete": true, "stopReason": ""},'
             % (len(pages), fetched, len(broken)),
             '  "brokenLinks": [']
    items = sorted(broken.items())
    for i, (url, (reason, code, final, sources)) in enumerate(items):
        lines.append('    {"url": %s, "reason": %s, "status": %d, "finalUrl": %s, "linkedFrom": %s}%s'
                     % (_string(url), _string(reason), code, _string(final), _array(sources),
                        "," if i + 1 < len(items) else ""))
    lines += ["  ],", '  "pages": [']
    for i, node in enumerate(pages):
        o = node.outcome
        lines.append('    {"url": %s, "depth": %d, "status": %d, "contentType": %s, "bytes": %d, "truncated": %s, '
                     '"links": %s, "malformedLinks": %s, "problem": %s}%s'
                     % (_string(node.url), node.depth, o.status, _string(o.content_type), o.bytes,
                        "true" if o.truncated else "false", _array(o.links), _array(o.malformed),
                        _string(o.problem), "," if i + 1 < len(pages) else ""))
    lines += ["  ],", '  "redirects": %s,' % _object(redirects, ""), '  "linkStatus": %s' % _object(status, "    "), "}"]
    return "\n".join(lines) + "\n"
