#!/usr/bin/env python3
"""Benchmarks portrait against Hugo on the same synthetic Portrait, in one run, alternating the two.

  bench/run.py [--sizes small,large] [--runs 5] [--growth] [--serve]

For each size it prints median wall time, CPU time (user + system) and peak RSS from /usr/bin/time -v,
pages per second, and portrait's figures as a ratio to Hugo's from the same run."""
import argparse
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

SIZES = {
    "small": dict(competencies=8, span_count=4, faqs=10, pages=5),
    "medium": dict(competencies=100, span_count=10, faqs=50, pages=20),
    "large": dict(competencies=500, span_count=20, faqs=200, pages=100),
}
GROWTH = [dict(competencies=n, span_count=10, faqs=20, pages=10) for n in (50, 100, 200)]


def timed(command, cwd=None):
    """Runs command under GNU time; returns (wall s, cpu s, peak RSS MiB, stdout)."""
    os.sync()  # the other tool's writes reach the disk first, not during this run
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    text = result.stderr

    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", text).group(1).strip()
    clock = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    wall = sum(float(part) * 60 ** index for index, part in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss, result.stdout


def count_pages(directory):
    return sum(1 for _ in pathlib.Path(directory).rglob("*.html"))


def output_megabytes(directory):
    """What a tool wrote, so readers can see both did comparable work."""
    return sum(p.stat().st_size for p in pathlib.Path(directory).rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def measure(size_name, parameters, runs, work, binary, hugo, with_hugo=True):
    content, hugo_site = work / f"{size_name}-content", work / f"{size_name}-hugo"
    records, page_records, span_list = generate.generate(str(content), **parameters)
    if with_hugo:
        generate.hugo(str(hugo_site), records, page_records, span_list, str(content))
    results = {"portrait": [], "hugo": []}
    for run in range(runs):  # alternate so machine noise hits both tools alike
        out = work / f"{size_name}-portrait-out"
        results["portrait"].append(timed([str(binary), "build", "--content", str(content), "--output", str(out), "--force"], cwd=work))
        if with_hugo:
            hugo_out = work / f"{size_name}-hugo-out"
            shutil.rmtree(hugo_out, ignore_errors=True)
            results["hugo"].append(timed([hugo, "--quiet", "-d", str(hugo_out)], cwd=hugo_site))
    if not with_hugo:
        del results["hugo"]
    outputs = {tool: work / f"{size_name}-{tool}-out" for tool in results}
    pages = {tool: count_pages(folder) for tool, folder in outputs.items()}
    sizes = {tool: output_megabytes(folder) for tool, folder in outputs.items()}
    summary = {}
    for tool, samples in results.items():
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        rss = max(s[2] for s in samples)
        summary[tool] = dict(wall=wall, cpu=cpu, rss=rss, pages=pages[tool], pps=pages[tool] / wall if wall else 0,
                             megabytes=sizes[tool])
    return summary


# Kinds of edit a communications officer makes to one competency, and how each is made.
SERVE_EDITS = [
    ("narrative text", lambda text, marker: text.rstrip("\n") + f"\n\n{marker}.\n"),
    ("an I can statement", lambda text, marker: text.replace('i_can:\n      - "', f'i_can:\n      - "{marker} ', 1)),
    ("a span definition", lambda text, marker: text.replace('definition: "', f'definition: "{marker} ', 1)),
    ("the title", lambda text, marker: text.replace("title: Competency 1\n", f"title: {marker}\n", 1)),
]


def serve_latency(work, binary, size_name, parameters, edits=5):
    """Through `portrait serve`, for each kind of edit in SERVE_EDITS, medians in milliseconds from
    saving the file to: its competency page rebuilt on disk; all of its own pages that show the edit
    (grade spans and embeds); every page of the site that shows the edit; and the server's whole pass,
    exports included, ending (read from its log). Which pages show an edit is found once per kind by
    searching the whole preview folder after a first, unmeasured edit."""
    content = work / f"{size_name}-content"
    if not content.exists():
        generate.generate(str(content), **parameters)
    port = 40000 + os.getpid() % 20000
    process = subprocess.Popen([str(binary), "serve", "--content", str(content), "--port", str(port)], cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rebuilt = []  # perf_counter times of "Rebuilt" lines
    try:
        for line in process.stdout:
            if "Serving" in line:
                break

        def read_log():
            for line in process.stdout:
                if line.startswith("Rebuilt"):
                    rebuilt.append(time.perf_counter())
        threading.Thread(target=read_log, daemon=True).start()

        def save_and_wait(text):
            seen = len(rebuilt)
            source.write_text(text)
            while len(rebuilt) == seen:
                time.sleep(0.005)

        preview = pathlib.Path(tempfile.gettempdir()) / f"portrait-preview-{process.pid}"
        page = preview / "competencies" / "competency-0001" / "index.html"
        source = content / "competencies" / "competency-0001.md"
        original = source.read_text()
        results = []
        for name, edit_text in SERVE_EDITS:
            calibration = f"Calibration {time.time_ns()}"
            save_and_wait(edit_text(original, calibration))
            found = subprocess.run(["grep", "-rlF", "--include=*.html", calibration, str(preview)],
                                   capture_output=True, text=True).stdout.split()
            own = sorted(path for path in found if "/competency-0001/" in path)
            own = [str(page)] + [path for path in own if path != str(page)]
            showing = own + sorted(set(found) - set(own))
            save_and_wait(original)
            time.sleep(0.3)
            first, own_done, showing_done, whole = [], [], [], []
            for edit in range(edits):
                marker = f"Edited {edit} {time.time_ns()}"
                seen = len(rebuilt)
                started = time.perf_counter()
                source.write_text(edit_text(original, marker))
                for number, path in enumerate(showing):
                    target = pathlib.Path(path)
                    while marker not in target.read_text(errors="ignore"):
                        time.sleep(0.001)
                    elapsed = (time.perf_counter() - started) * 1000
                    if number == 0:
                        first.append(elapsed)
                    if number == len(own) - 1:
                        own_done.append(elapsed)
                showing_done.append((time.perf_counter() - started) * 1000)
                while len(rebuilt) == seen:
                    time.sleep(0.001)
                whole.append((rebuilt[seen] - started) * 1000)
                time.sleep(0.3)
            save_and_wait(original)
            results.append((name, len(own), len(showing), statistics.median(first), statistics.median(own_done),
                            statistics.median(showing_done), statistics.median(whole)))
        return results
    finally:
        process.send_signal(2)
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--growth", action="store_true")
    parser.add_argument("--serve", action="store_true")
    arguments = parser.parse_args()
    hugo = shutil.which("hugo")
    if not hugo:
        sys.exit("hugo is not installed: apt-get install hugo")
    subprocess.run(["swift", "build", "-c", "release", "--product", "portrait"], cwd=REPO, check=True, capture_output=True)
    binary = REPO / ".build" / "release" / "portrait"
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"# {time.strftime('%Y-%m-%d')} · {platform.machine()} · {os.cpu_count()} cores · Hugo {hugo_version}")
    work = pathlib.Path(tempfile.mkdtemp(prefix="portrait-bench-"))
    try:
        print("| size | tool | pages | output | median wall | CPU | peak RSS | pages/s | wall vs Hugo | pages/s vs Hugo | RSS vs Hugo |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for size_name in arguments.sizes.split(","):
            # portrait's first build into a new folder makes every folder; later ones update the previous
            # site in place. At least three runs each, so the median is a steady-state rebuild.
            runs = arguments.runs if size_name == "small" else max(3, arguments.runs // 2)
            result = measure(size_name, SIZES[size_name], runs, work, binary, hugo)
            ours, theirs = result["portrait"], result["hugo"]
            for tool, row in result.items():
                ratios = ("", "", "") if tool == "hugo" else (
                    f"{ours['wall'] / theirs['wall']:.2f}×", f"{ours['pps'] / theirs['pps']:.2f}×", f"{ours['rss'] / theirs['rss']:.2f}×")
                print(f"| {size_name} | {tool} | {row['pages']} | {row['megabytes']:.0f} MiB | {row['wall'] * 1000:.0f} ms | {row['cpu']:.2f} s | "
                      f"{row['rss']:.0f} MiB | {row['pps']:.0f} | {' | '.join(ratios)} |", flush=True)
        if arguments.growth:
            print("\n| competencies × 10 spans | portrait pages | wall | ms per page |")
            print("| ---: | ---: | ---: | ---: |")
            for parameters in GROWTH:
                result = measure(f"growth-{parameters['competencies']}", parameters, 3, work, binary, hugo, with_hugo=False)["portrait"]
                print(f"| {parameters['competencies']} | {result['pages']} | {result['wall'] * 1000:.0f} ms | "
                      f"{result['wall'] * 1000 / result['pages']:.2f} |", flush=True)
        if arguments.serve:
            for size_name in arguments.sizes.split(","):
                results = serve_latency(work, binary, size_name, SIZES[size_name])
                print(f"\nserve, {size_name}, from saving one competency (medians of 5):\n")
                print("| edit | its page on disk | all its own pages showing it | every page showing it | whole pass, exports included |")
                print("| --- | ---: | ---: | ---: | ---: |")
                for name, own, showing, first, own_done, showing_done, whole in results:
                    print(f"| {name} | {first:.0f} ms | {own_done:.0f} ms ({own}) | {showing_done:.0f} ms ({showing}) | {whole:.0f} ms |",
                          flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
