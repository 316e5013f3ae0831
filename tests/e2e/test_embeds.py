"""Schools embed competency pages: a host page on another loopback origin frames them, as a plain
HTML page would and as WordPress does."""
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WORK, Nginx, build_site, free_port, html_pages
from pagecheck import axe_violations

OEMBED_REQUIRED = {"type", "version", "html", "width", "height"}


@pytest.fixture(scope="module")
def portrait():
    """The sample site built for the address it is served at, so embed codes point at this server."""
    port = free_port()
    site = build_site(output=WORK / "embed-site", extra=("--base-url", f"http://127.0.0.1:{port}/"))
    nginx = Nginx(site, port)
    yield nginx, site
    nginx.stop()


@pytest.fixture(scope="module")
def host(portrait):
    """A school's page on a different origin (another port), holding pasted embed codes."""
    nginx, site = portrait
    directory = WORK / "school-site"
    directory.mkdir(exist_ok=True)
    snippet = snippet_from(site / "competencies" / "communication" / "k-2" / "index.html")
    (directory / "plain.html").write_text(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Room 12</title>
<script src="{nginx.url('/assets/embed-host.js')}" defer></script></head>
<body><h1>Room 12 news</h1>{snippet}</body></html>""")
    # WordPress adds a secret to the iframe's address and data-secret to the iframe, and its
    # wp-embed script resizes the iframe when a message with that secret says 'height'.
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    (directory / "wordpress.html").write_text(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>WordPress</title></head>
<body><h1>A WordPress post</h1>
<iframe class="wp-embedded-content" sandbox="allow-scripts allow-top-navigation-by-user-activation" security="restricted"
 src="{src}#?secret=Ab12Cd34" data-secret="Ab12Cd34" width="600" height="338" title="Embedded"></iframe>
<script>
window.addEventListener("message", function (e) {{
  var d = e.data; if (!d || !d.secret || !d.message) return;
  var frame = document.querySelector('iframe[data-secret="' + d.secret + '"]');
  if (!frame || frame.contentWindow !== e.source) return;
  if (d.message === "height") {{ frame.height = Math.max(200, Math.min(1000 * 10, parseInt(d.value, 10))); }}
}});
</script></body></html>""")
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(SimpleHTTPRequestHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def snippet_from(page):
    import html
    text = page.read_text()
    return html.unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', text, re.S).group(1))


def wait_for_height(browser, expected_low, timeout=10):
    deadline = time.time() + timeout
    height = 0
    while time.time() < deadline:
        height = browser.execute_script("return document.querySelector('iframe').clientHeight")
        if height >= expected_low:
            return height
        time.sleep(0.1)
    return height


def inner_height(browser):
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        return browser.execute_script(
            "const b = document.body, s = getComputedStyle(b);"
            "return Math.ceil(b.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom));")
    finally:
        browser.switch_to.default_content()


def test_snippet_has_title_height_lazy_loading_and_no_script(portrait):
    _, site = portrait
    snippet = snippet_from(site / "competencies" / "collaboration" / "index.html")
    assert snippet.startswith("<iframe ") and "<script" not in snippet
    assert re.search(r'title="[^"]+"', snippet) and 'loading="lazy"' in snippet and re.search(r'height="\d+"', snippet)


def test_plain_html_host_resizes_iframe_to_its_content(host, browser):
    browser.get(f"{host}/plain.html")
    # The snippet starts at 800px; the host script must change it to the content's own height.
    height = wait_for_height(browser, 0)
    deadline = time.time() + 10
    while time.time() < deadline and abs(height - inner_height(browser)) > 2:
        time.sleep(0.2)
        height = browser.execute_script("return document.querySelector('iframe').clientHeight")
    assert abs(height - inner_height(browser)) <= 2
    assert height != 800


def test_wordpress_protocol_resizes_iframe(host, browser):
    browser.get(f"{host}/wordpress.html")
    deadline = time.time() + 10
    height = 338
    while time.time() < deadline and height == 338:
        time.sleep(0.2)
        height = browser.execute_script("return document.querySelector('iframe').clientHeight")
    assert height != 338
    assert abs(height - inner_height(browser)) <= 2


def test_back_link_opens_the_full_page_in_the_top_window(host, browser, portrait):
    nginx, _ = portrait
    browser.get(f"{host}/plain.html")
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    link = browser.find_element(By.CSS_SELECTOR, ".embed-source a")
    assert link.get_attribute("target") == "_top"
    link.click()
    browser.switch_to.default_content()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.startswith(nginx.url("/competencies/")))
    assert browser.current_url == nginx.url("/competencies/communication/k-2/")


def test_host_script_ignores_messages_from_other_origins_and_clamps(host, browser):
    browser.get(f"{host}/plain.html")
    wait_for_height(browser, 0)
    time.sleep(1)
    before = browser.execute_script("return document.querySelector('iframe').clientHeight")
    # A message from the host's own origin (not the Portrait's) must be ignored.
    browser.execute_script("window.postMessage({type: 'portrait-embed:height', height: 5}, '*')")
    time.sleep(0.5)
    assert browser.execute_script("return document.querySelector('iframe').clientHeight") == before
    # From inside the frame (the right origin), a huge height is clamped.
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    browser.execute_script("parent.postMessage({type: 'portrait-embed:height', height: 1e9}, '*');"
                           "parent.postMessage({type: 'portrait-embed:height', height: 'tall'}, '*');")
    browser.switch_to.default_content()
    time.sleep(0.5)
    assert browser.execute_script("return document.querySelector('iframe').clientHeight") == 12000


def test_embed_pages_have_no_axe_violations_and_no_navigation(portrait, browser):
    nginx, site = portrait
    embeds = [path for path, _ in html_pages(site) if "/embed/" in path]
    assert len(embeds) == 50
    for path in embeds:
        assert axe_violations(browser, nginx.url(path)) == [], path
        assert browser.find_elements(By.ID, "site-nav") == []
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == ("es" if path.startswith("/es/") else "en")


def test_embeds_may_be_framed_by_any_origin_and_full_pages_only_by_the_site(portrait):
    nginx, _ = portrait
    with urllib.request.urlopen(nginx.url("/embed/competencies/communication/")) as response:
        assert response.headers["Content-Security-Policy"] == "frame-ancestors *"
        assert response.headers["X-Frame-Options"] is None
    with urllib.request.urlopen(nginx.url("/competencies/communication/")) as response:
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert response.headers["Content-Security-Policy"] == "frame-ancestors 'self'"


def test_every_oembed_file_has_the_required_rich_fields(portrait):
    _, site = portrait
    files = sorted((site / "oembed").rglob("*.json")) + sorted((site / "es" / "oembed").rglob("*.json"))
    assert len(files) == 50
    for file in files:
        data = json.loads(file.read_text())
        assert OEMBED_REQUIRED <= data.keys(), file
        assert data["type"] == "rich" and data["version"] == "1.0"
        assert isinstance(data["width"], int) and isinstance(data["height"], int)
        assert data["html"].startswith("<iframe ") and "<script" not in data["html"]
        for key in ("title", "provider_name", "provider_url", "cache_age"):
            assert key in data


def test_discovery_link_resolves_and_url_lookup_answers(portrait, browser):
    nginx, _ = portrait
    page = nginx.url("/competencies/adaptability/9-12/")
    browser.get(page)
    href = browser.find_element(By.CSS_SELECTOR, "link[type='application/json+oembed']").get_attribute("href")
    with urllib.request.urlopen(href) as response:
        discovered = json.loads(response.read())
    assert discovered["title"].startswith("Adaptability: Grades 9–12")
    query = urllib.parse.urlencode({"url": page, "format": "json"})
    with urllib.request.urlopen(nginx.url(f"/oembed?{query}")) as response:
        assert response.headers["Content-Type"].startswith("application/json")
        assert json.loads(response.read()) == discovered
    for bad in ["https://evil.example/../../etc/passwd", page.replace("adaptability", "..%2F..%2Fetc")]:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(nginx.url("/oembed?" + urllib.parse.urlencode({"url": bad})))
        assert error.value.code == 404


def test_copy_button_works_from_the_keyboard(portrait, browser):
    from selenium.webdriver.common.keys import Keys
    nginx, _ = portrait
    browser.get(nginx.url("/competencies/communication/"))
    button = browser.find_element(By.CSS_SELECTOR, "button.copy-button")
    assert button.is_displayed()
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    status = browser.find_element(By.CSS_SELECTOR, ".embed-block .copy-status")
    WebDriverWait(browser, 5).until(lambda b: status.text != "")
    selected = browser.execute_script("const t = document.getElementById('embed-code'); return t.value.substring(t.selectionStart, t.selectionEnd)")
    assert selected.startswith("<iframe ")
