"""The authoring loop: `portrait serve` on a copy of the content, edited while a browser watches."""
import http.client
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, REPO, WORK, free_port


@pytest.fixture(scope="module")
def preview():
    directory = WORK / "authoring"
    shutil.rmtree(directory, ignore_errors=True)
    shutil.copytree(REPO / "content", directory / "content")
    port = free_port()
    process = subprocess.Popen([str(BINARY), "serve", "--port", str(port)], cwd=directory,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = process.stdout.readline()
        if "Serving" in line:
            break
    else:
        process.kill()
        raise RuntimeError("portrait serve did not start")
    yield directory, port, process
    process.send_signal(2)  # Ctrl-C
    assert process.wait(timeout=10) == 0
    assert "Stopped." in process.stdout.read()


def wait(browser, condition, timeout=15):
    WebDriverWait(browser, timeout, poll_frequency=0.1).until(lambda b: condition())


def test_edit_reloads_error_shows_overlay_and_fix_clears_it(preview, browser):
    directory, port, process = preview
    file = directory / "content" / "competencies" / "communication.md"
    original = file.read_text()
    browser.get(f"http://127.0.0.1:{port}/competencies/communication/k-2/")
    assert "Young learners share their ideas" in browser.page_source
    time.sleep(0.5)  # let the page's socket connect

    file.write_text(original.replace("Young learners share their ideas", "Our youngest learners share their ideas"))
    wait(browser, lambda: "Our youngest learners share their ideas" in browser.page_source)

    file.write_text(original.replace("    look_fors:\n      - Students take turns in a small-group talk",
                                     "    lookfors:\n      - Students take turns in a small-group talk", 1))
    wait(browser, lambda: browser.find_elements(By.ID, "portrait-errors"))
    location = browser.find_element(By.CSS_SELECTOR, "#portrait-errors .portrait-error-location").text
    message = browser.find_element(By.CSS_SELECTOR, "#portrait-errors .portrait-error-message").text
    assert location == "content/competencies/communication.md:24:5"
    assert message == 'unknown key "lookfors" in grade span "k-2" — did you mean "look_fors"?'
    # The last good site is still served underneath.
    assert "Our youngest learners share their ideas" in browser.page_source

    file.write_text(original)
    wait(browser, lambda: not browser.find_elements(By.ID, "portrait-errors")
         and "Young learners share their ideas" in browser.page_source)


def test_rebuild_time_is_printed(preview):
    directory, port, process = preview
    (directory / "content" / "faq.md").write_text((directory / "content" / "faq.md").read_text() + "\n")
    deadline = time.time() + 10
    while time.time() < deadline:
        line = process.stdout.readline()
        if re.match(r"Rebuilt \(faq\.md\) in \d+ ms: \d+ files? changed\.", line):
            return
    pytest.fail("no rebuild time printed")


@pytest.mark.parametrize("path", ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/%252e%252e/etc/passwd",
                                  "/..%2f..%2fetc%2fpasswd", "/competencies/..%5c..%5cetc%5cpasswd", "/.%2e/content/portrait.yml",
                                  "/%00/index.html"])
def test_requests_outside_the_site_get_404(preview, path):
    _, port, _ = preview
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    assert response.status == 404
    assert "root:" not in body and "district:" not in body


def test_serve_binds_loopback_only(preview):
    _, port, _ = preview
    output = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout
    listeners = [line.split()[3] for line in output.splitlines() if line.split()[3].endswith(f":{port}")]
    assert listeners == [f"127.0.0.1:{port}"]


def test_title_edit_updates_every_page_that_shows_it_and_no_other(preview, browser):
    directory, port, process = preview
    site = pathlib.Path(tempfile.gettempdir()) / f"portrait-preview-{process.pid}"
    untouched = [site / "faq" / "index.html", site / "about" / "index.html",
                 site / "competencies" / "communication" / "k-2" / "index.html"]
    before = {path: path.stat().st_mtime_ns for path in untouched}
    file = directory / "content" / "competencies" / "adaptability.md"
    original = file.read_text()
    browser.get(f"http://127.0.0.1:{port}/es/competencies/")
    time.sleep(0.5)  # let the page's socket connect
    try:
        file.write_text(original.replace("title: Adaptability", "title: Flexibility", 1))
        # Spanish has no translation of this competency, so its list shows the English title.
        wait(browser, lambda: "Flexibility" in browser.page_source)
        deadline = time.time() + 15
        while time.time() < deadline:
            line = process.stdout.readline()
            if line.startswith("Rebuilt (adaptability.md)"):
                break
        else:
            pytest.fail("the whole pass did not finish")
        rendered, total = map(int, re.search(r", (\d+) of (\d+) pages rendered:", line).groups())
        assert rendered * 2 < total, line
        for page in ["index.html", "grades/k-2/index.html", "continuum/index.html", "competencies/learner-agency/index.html",
                     "es/print/index.html", "search-index.json", "portrait.json"]:
            assert "Flexibility" in (site / page).read_text(), page
        assert {path: path.stat().st_mtime_ns for path in untouched} == before
    finally:
        file.write_text(original)
