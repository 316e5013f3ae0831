"""Checks shared by the tests: axe-core in the browser, and links and anchors read from the built files."""
import html.parser
import pathlib
import urllib.parse

import axe_playwright_python

AXE_SOURCE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(driver, url):
    """Loads url and returns axe-core's violations for WCAG 2.1 A and AA, as readable strings."""
    driver.get(url)
    driver.execute_script(AXE_SOURCE)
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), f"axe-core 4.x expected, found {version}"
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
        ".catch(e => done(['axe failed: ' + e]));",
        WCAG_TAGS)
    return result


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if name in attributes and attributes[name] is not None:
                self.links.append(attributes[name])


def parse(file):
    collector = _Collector()
    collector.feed(pathlib.Path(file).read_text(encoding="utf-8"))
    return collector


def broken_links(site, base_path=""):
    """Every internal link or anchor in the site that leads nowhere, as 'page: link' strings."""
    site = pathlib.Path(site)
    parsed = {}

    def page_for(path):
        path = urllib.parse.unquote(path)
        if base_path and path.startswith(base_path):
            path = path[len(base_path):]
        candidate = site / path.lstrip("/")
        if path.endswith("/"):
            candidate = candidate / "index.html"
        return candidate

    problems = []
    for file in sorted(site.rglob("*.html")):
        if file not in parsed:
            parsed[file] = parse(file)
        for link in parsed[file].links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            target = file if not url.path else (page_for(url.path) if url.path.startswith("/")
                                                else page_for("/" + (file.parent / url.path).relative_to(site).as_posix()))
            if not target.exists():
                problems.append(f"{file.relative_to(site)}: {link} (no such file)")
                continue
            if url.fragment and target.suffix == ".html":
                if target not in parsed:
                    parsed[target] = parse(target)
                if urllib.parse.unquote(url.fragment) not in parsed[target].ids:
                    problems.append(f"{file.relative_to(site)}: {link} (no such anchor)")
    return problems
