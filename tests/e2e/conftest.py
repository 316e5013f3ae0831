"""Builds the sample Portrait, serves it with nginx using the shipped deploy/nginx.conf, and drives
Debian's Chromium through chromedriver."""
import os
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = REPO / ".build" / "debug" / "portrait"
ARTIFACTS = REPO / "artifacts"
WORK = pathlib.Path(tempfile.mkdtemp(prefix="portrait-e2e-"))
# nginx workers drop to an unprivileged user when started as root, so the site must be world-readable.
WORK.chmod(0o755)
SITE = WORK / "site"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(content=REPO / "content", output=SITE, extra=()):
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(output), *extra],
                   check=True, cwd=REPO, capture_output=True, text=True)
    return output


def html_pages(site=SITE):
    """Every generated HTML page, as (site path, file)."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        path = "/" + relative[: -len("index.html")] if relative.endswith("index.html") else "/" + relative
        pages.append((path, file))
    return pages


class Nginx:
    """nginx from Debian, running the project's deploy/nginx.conf with only listen and root changed."""

    def __init__(self, root, port):
        self.port = port
        self.directory = pathlib.Path(tempfile.mkdtemp(prefix="nginx-", dir=WORK))
        server = (REPO / "deploy" / "nginx.conf").read_text()
        server = re.sub(r"listen\s+[^;]+;", f"listen 127.0.0.1:{port};", server, count=1)
        server = re.sub(r"root\s+[^;]+;", f"root {root};", server, count=1)
        (self.directory / "portrait.conf").write_text(server)
        (self.directory / "nginx.conf").write_text(f"""
worker_processes 1;
daemon off;
pid {self.directory}/nginx.pid;
error_log {self.directory}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {self.directory}/body;
    proxy_temp_path {self.directory}/proxy;
    fastcgi_temp_path {self.directory}/fastcgi;
    uwsgi_temp_path {self.directory}/uwsgi;
    scgi_temp_path {self.directory}/scgi;
    include {self.directory}/portrait.conf;
}}
""")
        self.process = subprocess.Popen(["nginx", "-c", str(self.directory / "nginx.conf"), "-p", str(self.directory)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/"), timeout=1)
                return
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"nginx answered {error.code} for /: {(self.directory / 'error.log').read_text()}")
            except Exception:
                if self.process.poll() is not None:
                    raise RuntimeError("nginx exited: " + self.process.stderr.read().decode())
                time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def make_driver(javascript=True, width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    if width < 500:
        # Chromium will not make a window narrower than 500px, so a phone is emulated instead.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


@pytest.fixture(scope="session")
def site():
    if not SITE.exists():
        build_site()
    return SITE


@pytest.fixture(scope="session")
def server(site):
    nginx = Nginx(site, free_port())
    yield nginx
    nginx.stop()


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_sessionstart(session):
    build_site()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(WORK, ignore_errors=True)
