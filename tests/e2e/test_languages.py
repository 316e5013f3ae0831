"""Every page in the family's language: Spanish pages, fallbacks, the switcher and hreflang links."""
import re
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import html_pages
from pagecheck import parse


def alternates(file):
    text = file.read_text()
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def test_every_hreflang_pair_is_reciprocal(site):
    base = "https://portrait.riverbend.example.org"
    checked = 0
    for path, file in html_pages(site):
        links = alternates(file)
        if not links:
            continue
        own = base + path
        assert links.get("en") and links.get("es") and links.get("x-default"), path
        assert own in (links["en"], links["es"]) or path.endswith("404.html"), f"{path} does not list itself"
        for language, url in links.items():
            if language == "x-default" or path.endswith("404.html"):
                continue
            target = site / urllib.parse.urlsplit(url).path.lstrip("/") / "index.html"
            assert target.exists(), f"{path} → {url}"
            back = alternates(target)
            assert back == links, f"{url} does not point back the same way as {path}"
            checked += 1
    assert checked > 100


def test_sitemap_lists_alternates_for_every_url(site):
    sitemap = (site / "sitemap.xml").read_text()
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert len(entries) > 60
    for entry in entries:
        assert 'hreflang="en"' in entry and 'hreflang="es"' in entry and 'hreflang="x-default"' in entry


def test_spanish_home_switches_language_without_losing_the_place(server, browser):
    browser.get(server.url("/es/competencies/collaboration/6-8/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert "Los estudiantes planean juntos" in browser.page_source
    link = browser.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang='en']")
    link.click()
    assert browser.current_url == server.url("/competencies/collaboration/6-8/")
    browser.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang='es']").click()
    assert browser.current_url == server.url("/es/competencies/collaboration/6-8/")


def test_untranslated_page_shows_notice_and_marks_content_language(server, browser):
    browser.get(server.url("/es/competencies/adaptability/"))
    notice = browser.find_element(By.CSS_SELECTOR, ".not-translated")
    assert "aún no está traducida" in notice.text
    assert browser.find_element(By.CSS_SELECTOR, ".page-content").get_attribute("lang") == "en"
    assert browser.find_element(By.CSS_SELECTOR, "#site-nav a").text == "Inicio"


def test_breadcrumbs_mark_untranslated_titles_with_their_language(server, browser):
    browser.get(server.url("/es/competencies/adaptability/k-2/"))
    crumbs = browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs li > *")
    assert [crumb.get_dom_attribute("lang") for crumb in crumbs] == [None, None, "en", "en"]
    assert crumbs[2].text == "Adaptability"
    browser.get(server.url("/es/competencies/collaboration/k-2/"))
    crumbs = browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs li > *")
    assert [crumb.get_dom_attribute("lang") for crumb in crumbs] == [None, None, None, None]


def test_spanish_faq_keeps_the_english_anchors(site):
    english = parse(site / "faq" / "index.html").ids
    spanish = parse(site / "es" / "faq" / "index.html").ids
    assert "why-does-this-work-matter" in english and "why-does-this-work-matter" in spanish


def test_search_index_and_print_exist_per_language(site):
    assert "Lo que se observa" not in (site / "search-index.json").read_text()
    assert "Los estudiantes se turnan" in (site / "es" / "search-index.json").read_text()
    assert "Imprimir" not in (site / "print" / "index.html").read_text()
    assert 'lang="es"' in (site / "es" / "print" / "index.html").read_text()
