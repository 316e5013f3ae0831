"""Nothing is lost: a killed build leaves the previous site whole, and builds do not depend on the
machine's locale or time zone."""
import hashlib
import os
import pathlib
import random
import signal
import subprocess
import sys
import time

from conftest import BINARY, REPO, WORK

sys.path.insert(0, str(REPO / "bench"))
import generate  # noqa: E402


def snapshot(directory):
    directory = pathlib.Path(directory)
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def build(content, output, env=None):
    return subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(output)],
                          capture_output=True, text=True, env=env)


def test_sigkill_at_any_point_leaves_the_old_or_the_new_site_whole():
    content = WORK / "kill-content"
    generate.generate(str(content), competencies=100, span_count=6, faqs=40, pages=10)
    site = WORK / "kill-site"
    assert build(content, site).returncode == 0
    old = snapshot(site)
    portrait = content / "portrait.yml"
    portrait.write_text(portrait.read_text().replace("can learn, work and lead", "can learn, work, lead and care"))
    reference = WORK / "kill-reference"
    started = time.monotonic()
    assert build(content, reference).returncode == 0
    duration = time.monotonic() - started
    new = snapshot(reference)
    assert new != old

    rng = random.Random(7)
    outcomes = []
    for attempt in range(8):
        process = subprocess.Popen([str(BINARY), "build", "--content", str(content), "--output", str(site)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(site)
        assert now in (old, new), f"attempt {attempt}: the site is neither the old nor the new one"
        outcomes.append("new" if now == new else "old")
        if now == new:  # start the next attempt from the old site again
            portrait.write_text(portrait.read_text().replace("lead and care", "lead"))
            assert build(content, site).returncode == 0
            portrait.write_text(portrait.read_text().replace("can learn, work and lead", "can learn, work, lead and care"))
    assert "old" in outcomes, outcomes  # at least one kill landed mid-build

    assert build(content, site).returncode == 0
    leftovers = [name for name in os.listdir(WORK) if name.startswith(".portrait-")]
    assert leftovers == []
    assert snapshot(site) == new


def test_locale_and_time_zone_do_not_change_the_output():
    first, second = WORK / "locale-a", WORK / "locale-b"
    base = {key: value for key, value in os.environ.items() if not key.startswith("LC_") and key not in ("LANG", "TZ")}
    assert build(REPO / "content", first, {**base, "LANG": "C.UTF-8", "TZ": "UTC"}).returncode == 0
    result = build(REPO / "content", second, {**base, "LANG": "de_DE.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"})
    assert result.returncode == 0, result.stderr
    assert snapshot(first) == snapshot(second)
