"""The synthetic Portrait as a Hugo site whose templates do the same work as portrait's default theme:
the same pages (home, competency list, competency, competency x span, grade span, continuum, print,
search, FAQ, pages, embedding help), the same menu and breadcrumbs on every page, list items with ids
and anchor links, rubric tables, embed snippets and JSON-LD, an embed page and an oEmbed file per
competency and per competency x span, a search index, a whole-Portrait JSON export and a CASE-style
package with SHA-1 derived identifiers. Only the visual details differ."""
import os
import shutil

from generate import quoted, write

LEVELS = ["emerging", "developing", "proficient", "extending"]

CONFIG = '''baseURL = "https://bench.example.org/"
title = "Portrait of a Learner"
disableKinds = ["taxonomy", "term", "RSS"]
[params]
district = "Synthetic Unified School District"
labels = { i_can = "I can", look_fors = "Look-fors", evidence = "Evidence of growth", reflection = "Reflection", emerging = "Emerging", developing = "Developing", proficient = "Proficient", extending = "Extending" }
vision = "Every graduate can learn, work and lead."
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser.attribute]
block = false
[outputFormats.Embed]
mediaType = "text/html"
path = "embed"
isHTML = true
[outputFormats.OEmbed]
mediaType = "application/json"
baseName = "oembed"
isPlainText = true
notAlternative = true
[outputFormats.SearchIndex]
mediaType = "application/json"
baseName = "search-index"
isPlainText = true
notAlternative = true
[outputFormats.Portrait]
mediaType = "application/json"
baseName = "portrait"
isPlainText = true
notAlternative = true
[outputFormats.Case]
mediaType = "application/json"
baseName = "case-package"
isPlainText = true
notAlternative = true
[outputs]
home = ["HTML", "SearchIndex", "Portrait", "Case"]
[[menu.main]]
name = "Home"
url = "/"
weight = 1
[[menu.main]]
name = "Competencies"
url = "/competencies/"
weight = 2
[[menu.main]]
name = "Continuum"
url = "/continuum/"
weight = 3
[[menu.main]]
name = "FAQ"
url = "/faq/"
weight = 4
'''

BASEOF = '''<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Params.district }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.vision }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsHome }}website{{ else }}article{{ end }}">
<meta property="og:site_name" content="{{ site.Params.district }} · {{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ .Title }}">
{{ with .OutputFormats.Get "OEmbed" }}<link rel="alternate" type="application/json+oembed" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/assets/style.css">
<style>:root { --brand: #1f5f8b; --accent: #8a3b12; }</style>
{{ block "structured" . }}{{ end }}
</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap">
<p class="site-title"><a href="/">{{ site.Params.district }} · {{ site.Title }}</a></p>
<nav aria-label="Main"><ul>
{{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL }}"{{ if eq .URL $current.RelPermalink }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ul></nav>
<form class="site-search" action="/search/" role="search"><label for="q">Search</label><input id="q" name="q" type="search"></form>
</div></header>
{{ if not .IsHome }}<nav class="breadcrumbs wrap" aria-label="Breadcrumb"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>{{ end }}
<main id="main" tabindex="-1" class="wrap"><div class="page-content">
{{ block "main" . }}{{ end }}
</div></main>
<footer class="site-footer"><div class="wrap"><p>{{ site.Params.district }}</p><p><a href="/print/">Print the whole Portrait</a> · <a href="/embedding/">Embed a competency</a></p></div></footer>
<script src="/assets/site.js" defer></script>
</body>
</html>
'''

LISTS = '''{{ $p := .page }}{{ $level := .level }}{{ $id := $p.Params.span }}
<p class="definition" id="{{ $id }}-definition">{{ $p.Params.definition }}</p>
<div class="span-lists">
{{ range $name, $items := $p.Params.lists }}<section class="list-block" aria-labelledby="{{ $id }}-{{ $name }}">
<h{{ $level }} id="{{ $id }}-{{ $name }}">{{ index site.Params.labels $name }} <a class="anchor" href="#{{ $id }}-{{ $name }}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to “{{ index site.Params.labels $name }}”, {{ $p.Params.span_label }}</span></a></h{{ $level }}>
<ul class="{{ $name }}">
{{ range $index, $text := $items }}<li id="{{ $id }}-{{ $name }}-{{ add $index 1 }}">{{ $text }} <a class="anchor" href="#{{ $id }}-{{ $name }}-{{ add $index 1 }}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to this statement</span></a></li>
{{ end }}</ul>
</section>
{{ end }}</div>
<table class="rubric" id="{{ $id }}-rubric"><caption>Rubric: {{ $p.Parent.Title }}, {{ $p.Params.span_label }}</caption>
<thead><tr><th scope="col">Level</th><th scope="col">What it looks like</th></tr></thead><tbody>
{{ range $level, $text := $p.Params.rubric }}<tr><th scope="row">{{ index site.Params.labels $level }}</th><td>{{ $text }}</td></tr>
{{ end }}</tbody></table>
'''

EMBED_BLOCK = '''<details class="embed-block"><summary>Embed this on your school's site</summary>
<label for="embed-code">Copy this code</label>
<textarea id="embed-code" readonly rows="4">&lt;iframe src="{{ .Permalink }}embed/" title="{{ .Title }} · {{ site.Title }}" width="100%" height="900" style="border:0" loading="lazy"&gt;&lt;/iframe&gt;</textarea>
<button type="button" class="copy">Copy code</button></details>'''

SPAN_PAGE = '''{{ define "main" }}
<article class="competency">
<header class="competency-header"><p class="eyebrow">{{ .Params.span_label }}</p><h1>{{ .Parent.Title }}</h1><p class="headline">{{ .Parent.Params.headline }}</p></header>
<nav class="span-jump" aria-label="Other grade spans"><ul>
{{ $current := . }}{{ range .Parent.Pages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .Params.span_label }}</a></li>
{{ end }}</ul></nav>
<section class="span" id="{{ .Params.span }}" aria-label="{{ .Params.span_label }}">
{{ partial "span-lists.html" (dict "page" . "level" 2) }}
</section>
<p><a href="{{ .Parent.RelPermalink }}">All grade spans for {{ .Parent.Title }}</a></p>
</article>
{{ partial "embed-block.html" . }}
{{ end }}'''

COMPETENCY_PAGE = '''{{ define "structured" }}{{ if eq .Params.kind "competency" }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "DefinedTerm" "@id" .Permalink "name" .Title "description" .Params.summary "url" .Permalink "inDefinedTermSet" "https://bench.example.org/competencies/" | jsonify | safeJS }}</script>{{ end }}{{ end }}
{{ define "main" }}{{ if eq .Params.kind "competency" }}
<article class="competency">
<header class="competency-header"><h1>{{ .Title }}</h1><p class="headline">{{ .Params.headline }}</p><p class="summary">{{ .Params.summary }}</p></header>
<div class="body">{{ .Content }}</div>
<nav class="span-jump" aria-label="Grade spans"><ul>{{ range .Pages }}<li><a href="#{{ .Params.span }}">{{ .Params.span_label }}</a></li>{{ end }}</ul></nav>
{{ range .Pages }}<section class="span" id="{{ .Params.span }}" aria-labelledby="{{ .Params.span }}-heading">
<h2 id="{{ .Params.span }}-heading">{{ .Params.span_label }} <a class="anchor" href="#{{ .Params.span }}"><span aria-hidden="true">#</span></a></h2>
{{ partial "span-lists.html" (dict "page" . "level" 3) }}
<p><a href="{{ .RelPermalink }}">{{ .Params.span_label }} on its own page</a></p>
</section>
{{ end }}
<nav class="prev-next" aria-label="Other competencies">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ partial "embed-block.html" . }}
{{ else }}
<h1>{{ .Title }}</h1>
<ul class="competency-cards">{{ range .Sections }}<li class="card" style="--accent: #1f5f8b"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p class="headline">{{ .Params.headline }}</p><p>{{ .Params.summary }}</p></li>
{{ end }}</ul>
{{ end }}{{ end }}'''

GRADE_PAGE = '''{{ define "main" }}<h1>{{ .Title }}</h1><p class="lead">What each competency looks like in grades {{ .Params.grades }}.</p>
{{ $span := .Params.span }}{{ range (site.GetPage "/competencies").Sections }}<section class="span-entry" aria-labelledby="{{ .File.ContentBaseName }}">
<h2 id="{{ .File.ContentBaseName }}"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p class="headline">{{ .Params.headline }}</p>
{{ with $.Site.GetPage (printf "/competencies/%s/%s" .File.ContentBaseName $span) }}<p class="definition">{{ .Params.definition }}</p><h3>I can</h3>
<ul class="i-can">{{ range .Params.lists.i_can }}<li>{{ . }}</li>
{{ end }}</ul><p><a href="{{ .RelPermalink }}">Details for {{ .Title }}</a></p>{{ end }}
</section>
{{ end }}{{ end }}'''

CONTINUUM_TABLE = '''<table class="continuum"><thead><tr><th scope="col">Competency</th>{{ range site.Params.spans }}<th scope="col"><a href="/grades/{{ .id }}/">{{ .label }}</a></th>{{ end }}</tr></thead><tbody>
{{ range (site.GetPage "/competencies").Sections }}<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th>{{ range .Pages }}<td><a href="{{ .RelPermalink }}">{{ .Params.span_label }}</a>: {{ .Params.definition }}</td>{{ end }}</tr>
{{ end }}</tbody></table>'''

CONTINUUM_PAGE = '{{ define "main" }}<h1>{{ .Title }}</h1>' + CONTINUUM_TABLE + '{{ end }}'

PRINT_PAGE = '''{{ define "main" }}<div class="one-pager"><header><p class="eyebrow">{{ site.Params.district }}</p><h1>{{ site.Title }}</h1><p class="vision">{{ site.Params.vision }}</p></header>
<ul class="print-competencies">{{ range (site.GetPage "/competencies").Sections }}<li><strong>{{ .Title }}</strong>: {{ .Params.headline }} {{ .Params.summary }}</li>
{{ end }}</ul>''' + CONTINUUM_TABLE + '''<p class="print-source">From {{ site.BaseURL }}</p></div>{{ end }}'''

SEARCH_PAGE = '''{{ define "main" }}<h1>{{ .Title }}</h1><form role="search"><label for="search-q">Search the Portrait</label><input id="search-q" type="search"></form>
<h2>Browse</h2><ul>{{ range (site.GetPage "/competencies").Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>: {{ range $i, $p := .Pages }}{{ if $i }}, {{ end }}<a href="{{ $p.RelPermalink }}">{{ $p.Params.span_label }}</a>{{ end }}</li>
{{ end }}</ul>{{ end }}'''

SIMPLE_PAGE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}'

HOME_PAGE = '''{{ define "main" }}<h1>{{ site.Title }}</h1><p class="vision">{{ site.Params.vision }}</p>{{ .Content }}
<svg role="img" aria-labelledby="wheel-title" viewBox="0 0 400 400"><title id="wheel-title">{{ site.Title }}</title>{{ range $i, $c := (site.GetPage "/competencies").Sections }}<a href="{{ $c.RelPermalink }}"><path d="M200 200 L{{ add 200 $i }} 20 A180 180 0 0 1 380 200 Z" fill="#1f5f8b"><title>{{ $c.Title }}</title></path></a>{{ end }}</svg>
<ul class="competency-cards">{{ range (site.GetPage "/competencies").Sections }}<li class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p class="headline">{{ .Params.headline }}</p></li>
{{ end }}</ul>{{ end }}'''

EMBED_SPAN = '''<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title><meta name="robots" content="noindex"><link rel="stylesheet" href="/assets/style.css"></head>
<body class="embed"><main><article class="competency"><h1>{{ .Parent.Title }}: {{ .Params.span_label }}</h1>{{ partial "span-lists.html" (dict "page" . "level" 2) }}</article>
<p class="embed-source"><a href="{{ .Permalink }}" target="_blank" rel="noopener">See this on {{ site.Params.district }}'s Portrait</a></p></main><script src="/assets/embed.js"></script></body></html>'''

EMBED_COMPETENCY = '''<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title><meta name="robots" content="noindex"><link rel="stylesheet" href="/assets/style.css"></head>
<body class="embed"><main><article class="competency"><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ range .Pages }}<section><h2>{{ .Params.span_label }}</h2>{{ partial "span-lists.html" (dict "page" . "level" 3) }}</section>{{ end }}</article>
<p class="embed-source"><a href="{{ .Permalink }}" target="_blank" rel="noopener">See this on {{ site.Params.district }}'s Portrait</a></p></main><script src="/assets/embed.js"></script></body></html>'''

OEMBED = '''{{ dict "type" "rich" "version" "1.0" "title" .Title "provider_name" site.Params.district "provider_url" site.BaseURL "width" 800 "height" 900 "cache_age" 86400 "html" (printf "<iframe src=\\"%sembed/\\" title=\\"%s\\" width=\\"100%%\\" height=\\"900\\"></iframe>" .Permalink .Title) | jsonify (dict "indent" "  ") }}'''

SEARCH_INDEX = '''[{{ $first := true }}{{ range (site.GetPage "/competencies").Sections }}{{ if not $first }},{{ end }}{{ $first = false }}{{ dict "t" .Title "k" "Competency" "u" .RelPermalink "x" .Params.summary | jsonify }}{{ range .Pages }}{{ $p := . }},{{ dict "t" .Title "k" "Grade span" "u" .RelPermalink "x" .Params.definition | jsonify }}{{ range $i, $t := .Params.lists.i_can }},{{ dict "t" $p.Title "k" "I can" "u" (printf "%s#%s-i_can-%d" $p.RelPermalink $p.Params.span (add $i 1)) "x" $t | jsonify }}{{ end }}{{ range $i, $t := .Params.lists.look_fors }},{{ dict "t" $p.Title "k" "Look-for" "u" (printf "%s#%s-look_fors-%d" $p.RelPermalink $p.Params.span (add $i 1)) "x" $t | jsonify }}{{ end }}{{ end }}{{ end }}]
'''

PORTRAIT_JSON = '''{{ $out := newScratch }}{{ range (site.GetPage "/competencies").Sections }}{{ $spans := newScratch }}{{ range .Pages }}{{ $spans.Add "list" (slice (dict "id" .Params.span "label" .Params.span_label "url" .Permalink "definition" .Params.definition "i_can" .Params.lists.i_can "look_fors" .Params.lists.look_fors "evidence" .Params.lists.evidence "reflection" .Params.lists.reflection "rubric" .Params.rubric)) }}{{ end }}{{ $out.Add "competencies" (slice (dict "slug" .File.ContentBaseName "title" .Title "summary" .Params.summary "headline" .Params.headline "url" .Permalink "spans" ($spans.Get "list"))) }}{{ end }}{{ dict "format" "portrait" "format_version" 1 "portrait" (dict "district" site.Params.district "title" site.Title "vision" site.Params.vision) "competencies" ($out.Get "competencies") | jsonify (dict "indent" "  ") }}
'''

CASE_JSON = '''{{ $out := newScratch }}{{ $doc := sha1 site.BaseURL }}{{ $changed := "2026-01-15T00:00:00+00:00" }}{{ range (site.GetPage "/competencies").Sections }}{{ $c := . }}{{ $cid := sha1 .Permalink }}{{ $out.Add "items" (slice (dict "identifier" $cid "uri" (printf "%sims/case/v1p1/CFItems/%s" site.BaseURL $cid) "fullStatement" (printf "%s %s" .Params.headline .Params.summary) "abbreviatedStatement" .Title "CFItemType" "Competency" "language" "en" "lastChangeDateTime" $changed)) }}{{ $out.Add "associations" (slice (dict "identifier" (sha1 (printf "%s/isChildOf/%s" $cid $doc)) "associationType" "isChildOf" "originNodeURI" (dict "identifier" $cid "title" .Title) "destinationNodeURI" (dict "identifier" $doc) "lastChangeDateTime" $changed)) }}{{ $criteria := newScratch }}{{ range $position, $s := .Pages }}{{ $sid := sha1 $s.Permalink }}{{ $out.Add "items" (slice (dict "identifier" $sid "uri" (printf "%sims/case/v1p1/CFItems/%s" site.BaseURL $sid) "fullStatement" $s.Params.definition "abbreviatedStatement" $s.Title "CFItemType" "Grade Span Statement" "notes" (delimit $s.Params.lists.i_can "\\n") "lastChangeDateTime" $changed)) }}{{ $out.Add "associations" (slice (dict "identifier" (sha1 (printf "%s/isChildOf/%s" $sid $cid)) "associationType" "isChildOf" "sequenceNumber" (add $position 1) "originNodeURI" (dict "identifier" $sid "title" $s.Title) "destinationNodeURI" (dict "identifier" $cid "title" $c.Title) "lastChangeDateTime" $changed)) }}{{ $levels := newScratch }}{{ range $i, $l := (slice "emerging" "developing" "proficient" "extending") }}{{ $levels.Add "list" (slice (dict "identifier" (sha1 (printf "%s/%s" $sid $l)) "quality" $l "description" (index $s.Params.rubric $l) "position" (add $i 1) "score" (add $i 1))) }}{{ end }}{{ $criteria.Add "list" (slice (dict "identifier" (sha1 (printf "%s/rubric" $sid)) "category" $s.Params.span_label "description" $s.Params.definition "position" (add $position 1) "CFRubricCriterionLevels" ($levels.Get "list"))) }}{{ end }}{{ $out.Add "rubrics" (slice (dict "identifier" (sha1 (printf "%s/rubric" $cid)) "title" (printf "%s rubric" .Title) "CFRubricCriteria" ($criteria.Get "list"))) }}{{ end }}{{ dict "CFDocument" (dict "identifier" $doc "title" site.Title "creator" site.Params.district) "CFItems" ($out.Get "items") "CFAssociations" ($out.Get "associations") "CFRubrics" ($out.Get "rubrics") | jsonify (dict "indent" "  ") }}
'''


def write_site(out, records, page_records, span_list, portrait_content=None):
    shutil.rmtree(out, ignore_errors=True)
    spans = "".join(f'[[params.spans]]\nid = "{span_id}"\nlabel = "{label}"\n' for span_id, label, _ in span_list)
    write(os.path.join(out, "hugo.toml"), CONFIG.replace("[outputFormats.Embed]", spans + "[outputFormats.Embed]", 1))
    layouts = os.path.join(out, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), BASEOF)
    write(os.path.join(layouts, "partials", "span-lists.html"), LISTS)
    write(os.path.join(layouts, "partials", "embed-block.html"), EMBED_BLOCK)
    write(os.path.join(layouts, "_default", "single.html"), SIMPLE_PAGE)
    write(os.path.join(layouts, "_default", "list.html"), SIMPLE_PAGE)
    write(os.path.join(layouts, "index.html"), HOME_PAGE)
    write(os.path.join(layouts, "index.searchindex.json"), SEARCH_INDEX)
    write(os.path.join(layouts, "index.portrait.json"), PORTRAIT_JSON)
    write(os.path.join(layouts, "index.case.json"), CASE_JSON)
    write(os.path.join(layouts, "competencies", "single.html"), SPAN_PAGE)
    write(os.path.join(layouts, "competencies", "list.html"), COMPETENCY_PAGE)
    write(os.path.join(layouts, "competencies", "single.embed.html"), EMBED_SPAN)
    write(os.path.join(layouts, "competencies", "list.embed.html"), EMBED_COMPETENCY)
    write(os.path.join(layouts, "competencies", "single.oembed.json"), OEMBED)
    write(os.path.join(layouts, "competencies", "list.oembed.json"), OEMBED)
    write(os.path.join(layouts, "grades", "single.html"), GRADE_PAGE)
    write(os.path.join(layouts, "_default", "continuum.html"), CONTINUUM_PAGE)
    write(os.path.join(layouts, "_default", "print.html"), PRINT_PAGE)
    write(os.path.join(layouts, "_default", "search.html"), SEARCH_PAGE)

    content = os.path.join(out, "content")
    home_text = "Home.\n"
    faq_text = "Questions.\n"
    if portrait_content:
        with open(os.path.join(portrait_content, "index.md"), encoding="utf-8") as handle:
            home_text = handle.read()
        with open(os.path.join(portrait_content, "faq.md"), encoding="utf-8") as handle:
            faq_text = handle.read().split("---\n", 2)[-1]
    write(os.path.join(content, "_index.md"), "---\ntitle: Portrait\n---\n" + home_text)
    write(os.path.join(content, "competencies", "_index.md"), "---\ntitle: Competencies\nkind: index\n---\n")
    outputs = "outputs: [HTML, Embed, OEmbed]"
    for order, (slug, title, text, span_records) in enumerate(records, start=1):
        front = [f"title: {quoted(title)}", "kind: competency", f"weight: {order}", outputs,
                 f"summary: {quoted(text.split('.')[0] + '.')}", f"headline: {quoted('I am ' + title.lower())}"]
        write(os.path.join(content, "competencies", slug, "_index.md"), "---\n" + "\n".join(front) + "\n---\n" + text)
        for weight, (span_id, label, definition, lists, rubric) in enumerate(span_records, start=1):
            front = [f"title: {quoted(title + ', ' + label)}", f"span: {span_id}", f"span_label: {quoted(label)}",
                     f"weight: {weight}", outputs, f"definition: {quoted(definition)}", "lists:"]
            for name, values in lists.items():
                front.append(f"  {name}:")
                front += [f"    - {quoted(value)}" for value in values]
            front.append("rubric:")
            front += [f"  {level}: {quoted(value)}" for level, value in rubric.items()]
            write(os.path.join(content, "competencies", slug, f"{span_id}.md"), "---\n" + "\n".join(front) + "\n---\n")
    for span_id, label, grade in span_list:
        write(os.path.join(content, "grades", f"{span_id}.md"), f"---\ntitle: {label}\nspan: {span_id}\ngrades: \"{grade}\"\n---\n")
    for name, title in (("continuum", "Continuum"), ("print", "The whole Portrait"), ("search", "Search")):
        write(os.path.join(content, f"{name}.md"), f"---\ntitle: {title}\nlayout: {name}\n---\n")
    write(os.path.join(content, "embedding.md"), "---\ntitle: Embedding\n---\nPaste the code from any competency.\n")
    for weight, (slug, text) in enumerate(page_records, start=10):
        write(os.path.join(content, slug + ".md"),
              f"---\ntitle: {slug}\nmenu:\n  main:\n    weight: {weight}\n---\n{text}")
    write(os.path.join(content, "faq.md"), "---\ntitle: FAQ\n---\n" + faq_text)
    write(os.path.join(out, "static", "assets", "style.css"), "body { font-family: sans-serif; }\n")
