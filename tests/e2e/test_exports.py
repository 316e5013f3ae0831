"""The machine-readable Portrait: portrait.json and the CASE 1.1 package, as other systems fetch them."""
import json
import pathlib
import urllib.request

from jsonschema import Draft202012Validator

from conftest import REPO, WORK, build_site

SCHEMA = REPO.parent / "shared" / "schemas" / "case-v1p1-cfpackage.schema.json"
CASE_ROOT = "ims/case/v1p1"


def package_path(site):
    documents = json.loads((site / CASE_ROOT / "CFDocuments").read_text())
    identifier = documents["CFDocuments"][0]["identifier"]
    return site / CASE_ROOT / "CFPackages" / identifier


def test_package_validates_against_the_case_schema(site):
    schema = json.loads(SCHEMA.read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    # The format checks only bite when their validators are installed; make sure they are.
    assert not validator.format_checker.conforms("not a uri", "uri")
    assert not validator.format_checker.conforms("2026-09-15", "date-time")
    package = json.loads(package_path(site).read_text())
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(package)]
    assert errors == []


def test_package_is_also_served_with_json_extension(site):
    path = package_path(site)
    assert path.with_name(path.name + ".json").read_bytes() == path.read_bytes()


def test_every_association_resolves_to_items_in_the_package(site):
    package = json.loads(package_path(site).read_text())
    known = {item["identifier"] for item in package["CFItems"]} | {package["CFDocument"]["identifier"]}
    assert package["CFAssociations"]
    for association in package["CFAssociations"]:
        assert association["associationType"] in ("isChildOf", "isTranslationOf")
        assert association["originNodeURI"]["identifier"] in known
        assert association["destinationNodeURI"]["identifier"] in known


def test_tree_matches_the_site_page_for_page(site):
    package = json.loads(package_path(site).read_text())
    portrait = json.loads((site / "portrait.json").read_text())
    items = {item["identifier"]: item for item in package["CFItems"]}
    parent = {a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
              for a in package["CFAssociations"] if a["associationType"] == "isChildOf"}
    document = package["CFDocument"]["identifier"]
    competencies = [i for i in items.values() if i["CFItemType"] == "Competency"]
    assert sorted(i["abbreviatedStatement"] for i in competencies) == sorted(c["title"] for c in portrait["competencies"])
    for competency in portrait["competencies"]:
        item = next(i for i in competencies if i["abbreviatedStatement"] == competency["title"])
        assert parent[item["identifier"]] == document
        children = [i for i in items.values() if parent.get(i["identifier"]) == item["identifier"]]
        assert sorted(c["abbreviatedStatement"] for c in children) == sorted(
            f"{competency['title']}, {span['label']}" for span in competency["spans"])
        for span in competency["spans"]:
            assert (site / span["url"].split("/", 3)[3] / "index.html").exists()
            child = next(c for c in children if c["abbreviatedStatement"].endswith(span["label"]))
            assert child["fullStatement"] == span["definition"]
    assert len(competencies) == 5
    assert sum(len(c["spans"]) for c in portrait["competencies"]) == 20


def test_education_levels_expand_the_spans_grades(site):
    package = json.loads(package_path(site).read_text())
    levels = {i["abbreviatedStatement"]: i["educationLevel"] for i in package["CFItems"]}
    assert levels["Communication, Grades K–2"] == ["KG", "01", "02"]
    assert levels["Communication, Grades 9–12"] == ["09", "10", "11", "12"]


def test_rubrics_carry_levels_and_descriptors(site):
    package = json.loads(package_path(site).read_text())
    rubric = next(r for r in package["CFRubrics"] if r["title"] == "Communication rubric")
    assert [c["category"] for c in rubric["CFRubricCriteria"]] == ["Grades K–2", "Grades 3–5", "Grades 6–8", "Grades 9–12"]
    levels = rubric["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
    assert [level["quality"] for level in levels] == ["Emerging", "Developing", "Proficient", "Extending"]
    assert levels[2]["description"] == "Shares ideas clearly and waits for a turn to speak."


def test_identifiers_are_stable_lowercase_v5(site):
    package = json.loads(package_path(site).read_text())
    identifier = package["CFDocument"]["identifier"]
    assert identifier == identifier.lower() and identifier[14] == "5" and identifier[19] in "89ab"
    again = WORK / "second-build"
    build_site(output=again)
    assert (again / CASE_ROOT / "CFPackages" / identifier).read_bytes() == package_path(site).read_bytes()
    assert (again / "portrait.json").read_bytes() == (site / "portrait.json").read_bytes()


def test_served_as_json_with_cors(server, site):
    identifier = package_path(site).name
    for path in [f"/{CASE_ROOT}/CFPackages/{identifier}", f"/{CASE_ROOT}/CFDocuments", "/portrait.json"]:
        with urllib.request.urlopen(server.url(path)) as response:
            assert response.headers["Content-Type"].startswith("application/json"), path
            assert response.headers["Access-Control-Allow-Origin"] == "*", path
            json.loads(response.read())


def test_portrait_json_has_every_page_url_and_faq(site):
    portrait = json.loads((site / "portrait.json").read_text())
    assert portrait["format"] == "portrait" and portrait["format_version"] == 1
    urls = {page["url"] for page in portrait["pages"]}
    assert "https://portrait.riverbend.example.org/competencies/communication/k-2/" in urls
    assert any(entry["question"] == "What is a Portrait of a Learner?" for entry in portrait["faq"])
    look_fors = portrait["competencies"][0]["spans"][0]["look_fors"]
    assert look_fors[0] == "Students take turns in a small-group talk, using a talking object."


def test_translations_are_items_linked_with_is_translation_of(site):
    package = json.loads(package_path(site).read_text())
    items = {item["identifier"]: item for item in package["CFItems"]}
    links = [a for a in package["CFAssociations"] if a["associationType"] == "isTranslationOf"]
    pairs = {(items[a["originNodeURI"]["identifier"]]["abbreviatedStatement"], items[a["destinationNodeURI"]["identifier"]]["abbreviatedStatement"]) for a in links}
    assert ("Comunicación", "Communication") in pairs
    assert ("Colaboración, Grados 6–8", "Collaboration, Grades 6–8") in pairs
    assert len(links) == 10  # two translated competencies, each with four grade spans
    assert all(items[a["originNodeURI"]["identifier"]]["language"] == "es" for a in links)


def test_portrait_json_carries_each_language(site):
    portrait = json.loads((site / "portrait.json").read_text())
    spanish = portrait["translations"]["es"]
    assert spanish["portrait"]["title"] == "Retrato del Estudiante"
    assert [c["slug"] for c in spanish["competencies"]] == ["communication", "collaboration"]
    assert spanish["competencies"][0]["url"] == "https://portrait.riverbend.example.org/es/competencies/communication/"
    assert spanish["faq"][0]["question"] == "¿Qué es un Retrato del Estudiante?"
    assert "competencies/adaptability.md" in spanish["untranslated"]
