#!/usr/bin/env python3
"""Writes a synthetic Portrait of a given size, the same every time (fixed seed), for benchmarks and
stress tests. With --hugo it also writes the same pages as a Hugo site with comparable templates.

  bench/generate.py OUT --competencies 500 --spans 20 --faqs 200 --pages 100 [--hugo HUGO_OUT]
"""
import argparse
import os
import random
import shutil

WORDS = ("students learn share listen explain question evidence reason create plan revise goal team "
         "reflect idea problem solution community voice choice growth practice feedback project data "
         "model argue design test adapt persist collaborate communicate think careful curious clear").split()
LEVELS = [("emerging", "Emerging"), ("developing", "Developing"), ("proficient", "Proficient"), ("extending", "Extending")]


def sentence(rng, low=6, high=14):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng, index):
    """Markdown with headings, a table, a list and a task list, like a real competency narrative."""
    return f"""{paragraph(rng)}

## Why it matters {index}

{paragraph(rng, 5)}

| Practice | In class | At home |
| --- | --- | --- |
| {sentence(rng, 2, 3)} | {sentence(rng, 3, 5)} | {sentence(rng, 3, 5)} |
| {sentence(rng, 2, 3)} | {sentence(rng, 3, 5)} | {sentence(rng, 3, 5)} |

## What families can do

- {sentence(rng)}
- {sentence(rng)}
- {sentence(rng)}

## Our progress

- [x] {sentence(rng, 3, 6)}
- [ ] {sentence(rng, 3, 6)}
"""


def spans(count):
    result = []
    for index in range(count):
        grade = index % 13
        label = "K" if grade == 0 else str(grade)
        result.append((f"span-{index + 1}", f"Span {index + 1}", label))
    return result


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def quoted(text):
    return '"' + text.replace('"', "'") + '"'


def generate(out, competencies, span_count, faqs, pages, seed=20261123):
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    span_list = spans(span_count)
    config = ["district: Synthetic Unified School District", "title: Portrait of a Learner",
              "vision: Every graduate can learn, work and lead.", "base_url: https://bench.example.org/",
              "language: en", "last_reviewed: 2026-01-15", "grade_spans:"]
    for span_id, label, grade in span_list:
        config += [f"  - id: {span_id}", f"    label: {label}", f"    grades: [{grade}]"]
    config.append("rubric_levels:")
    for level_id, label in LEVELS:
        config += [f"  - id: {level_id}", f"    label: {label}"]
    write(os.path.join(out, "portrait.yml"), "\n".join(config) + "\n")
    write(os.path.join(out, "index.md"), paragraph(rng, 6) + "\n")

    records = []
    for index in range(competencies):
        slug = f"competency-{index + 1:04d}"
        title = f"Competency {index + 1}"
        lines = ["---", f"title: {title}", f"order: {index + 1}", f"summary: {quoted(sentence(rng))}",
                 f"headline: {quoted('I am ' + sentence(rng, 3, 5).lower())}", 'color: "#1f5f8b"', "spans:"]
        span_records = []
        for span_id, label, _ in span_list:
            definition = sentence(rng, 10, 18)
            lists = {name: [sentence(rng) for _ in range(3)] for name in ("i_can", "look_fors", "evidence", "reflection")}
            rubric = {level_id: sentence(rng, 6, 10) for level_id, _ in LEVELS}
            lines += [f"  {span_id}:", f"    definition: {quoted(definition)}"]
            for name, values in lists.items():
                lines.append(f"    {name}:")
                lines += [f"      - {quoted(value)}" for value in values]
            lines.append("    rubric:")
            lines += [f"      {level_id}: {quoted(text)}" for level_id, text in rubric.items()]
            span_records.append((span_id, label, definition, lists, rubric))
        text = body(rng, index)
        write(os.path.join(out, "competencies", f"{slug}.md"), "\n".join(lines) + "\n---\n" + text)
        records.append((slug, title, text, span_records))

    faq = ["---", "title: Frequently asked questions", "---", paragraph(rng), ""]
    for index in range(faqs):
        faq += [f"## Question {index + 1}: {sentence(rng, 4, 8)[:-1]}?", "", paragraph(rng, 3), ""]
    write(os.path.join(out, "faq.md"), "\n".join(faq))
    page_records = []
    for index in range(pages):
        slug = f"page-{index + 1:04d}"
        text = body(rng, index)
        write(os.path.join(out, "pages", f"{slug}.md"), f"---\ntitle: Page {index + 1}\n---\n{text}")
        page_records.append((slug, text))
    return records, page_records, span_list


def hugo(out, records, page_records, span_list, portrait_content=None):
    """The same pages as a Hugo site with templates that do the same work (see hugo_site.py)."""
    import hugo_site
    hugo_site.write_site(out, records, page_records, span_list, portrait_content)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--competencies", type=int, default=8)
    parser.add_argument("--spans", type=int, default=4)
    parser.add_argument("--faqs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--hugo")
    arguments = parser.parse_args()
    records, page_records, span_list = generate(arguments.out, arguments.competencies, arguments.spans, arguments.faqs, arguments.pages)
    if arguments.hugo:
        hugo(arguments.hugo, records, page_records, span_list, arguments.out)


if __name__ == "__main__":
    main()
