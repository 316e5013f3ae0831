import Foundation

/// The Portrait as a 1EdTech CASE 1.1 CFPackage: a CFDocument, a CFItem per competency and per
/// competency × grade span, isChildOf associations tying the tree, and a CFRubric per competency.
/// Identifiers are UUID v5 of the site's base URL and the object's path, so renaming a title keeps them.
struct CASEPackage {
    let content: PortraitContent
    let urls: SiteURLs

    static let apiRoot = "/ims/case/v1p1"

    var documentID: String { id("/") }

    func id(_ path: String) -> String { NameBasedUUID.make(name: urls.absolute(path)) }

    func apiURI(_ collection: String, _ identifier: String) -> String {
        urls.absolute("\(Self.apiRoot)/\(collection)/\(identifier)")
    }

    /// CASE wants a date-time; content carries review dates, never the build clock.
    func dateTime(_ date: String?) -> String {
        "\(date ?? content.config.lastReviewed ?? "2000-01-01")T00:00:00+00:00"
    }

    func files() -> [OutputFile] {
        let documents = JSONText.pretty(["CFDocuments": [makeDocument()]])
        return [
            OutputFile(path: "ims/case/v1p1/CFPackages/\(documentID)", stream: JSONText.stream(pretty: true) { makePackage() },
                       aliases: ["ims/case/v1p1/CFPackages/\(documentID).json"]),
            OutputFile(path: "ims/case/v1p1/CFDocuments", bytes: documents),
            OutputFile(path: "ims/case/v1p1/CFDocuments.json", bytes: documents),
        ]
    }

    func makeDocument() -> JSONValue {
        let config = content.config
        var document: JSONValue = [
            "identifier": documentID, "uri": apiURI("CFDocuments", documentID), "creator": config.district,
            "title": config.title, "lastChangeDateTime": dateTime(config.lastReviewed), "caseVersion": "1.1",
            "officialSourceURL": urls.absolute("/"), "publisher": config.district, "description": config.vision,
            "language": config.language, "frameworkType": "Portrait of a Learner",
        ]
        if let version = config.caseSettings.version { document["version"] = .string(version) }
        if let status = config.caseSettings.adoptionStatus { document["adoptionStatus"] = .string(status) }
        if let title = config.caseSettings.licenseTitle, let url = config.caseSettings.licenseURL {
            document["licenseURI"] = ["title": title, "identifier": NameBasedUUID.make(name: url), "uri": url]
        }
        return document
    }

    private func link(_ title: String, _ identifier: String, collection: String) -> JSONValue {
        ["title": title, "identifier": identifier, "uri": apiURI(collection, identifier)]
    }

    /// Items, associations and rubrics are written one competency at a time as the file is made, so a
    /// district's thousands of statements never sit in memory as one tree.
    func makePackage() -> JSONValue {
        let competencies = content.competencies
        // Translated competencies and statements are items of their own, tied to the originals with isTranslationOf.
        let translated = content.translations.sorted { $0.language < $1.language }.flatMap { translation in
            competencies.compactMap { competency in translation.competencies[competency.slug].map { (translation, competency, $0) } }
        }
        let groups = competencies.count + translated.count
        let items = JSONValue.generated(groups: groups) { group -> [JSONValue] in
            if group < competencies.count { return competencyItems(competencies[group]) }
            return translationEntries(translated[group - competencies.count]).map(\.item)
        }
        let associations = JSONValue.generated(groups: groups) { group -> [JSONValue] in
            if group < competencies.count { return competencyAssociations(competencies[group]) }
            return translationEntries(translated[group - competencies.count]).map(\.association)
        }
        let rubrics = JSONValue.generated(groups: competencies.count) { group -> [JSONValue] in [rubric(competencies[group])] }
        return .object(["CFDocument": makeDocument(), "CFItems": items, "CFAssociations": associations, "CFRubrics": rubrics])
    }

    private func path(_ competency: Competency) -> String { "/competencies/\(competency.slug)/" }

    private func competencyItems(_ competency: Competency) -> [JSONValue] {
        let path = path(competency)
        let itemID = id(path)
        let changed = dateTime(competency.lastReviewed)
        let allGrades = content.config.gradeSpans.flatMap(\.grades).compactMap(GradeLevel.code)
        var items: [JSONValue] = [[
            "identifier": itemID, "uri": apiURI("CFItems", itemID), "fullStatement": "\(competency.headline) \(competency.summary)",
            "abbreviatedStatement": competency.title, "humanCodingScheme": String(competency.order),
            "CFItemType": "Competency", "educationLevel": allGrades, "language": content.config.language,
            "lastChangeDateTime": changed, "notes": urls.absolute(path),
        ]]
        for (position, (span, detail)) in zip(content.config.gradeSpans, competency.spans).enumerated() {
            let spanID = id("\(path)\(span.id)/")
            items.append([
                "identifier": spanID, "uri": apiURI("CFItems", spanID), "fullStatement": detail.definition,
                "abbreviatedStatement": "\(competency.title), \(span.label)", "humanCodingScheme": "\(competency.order).\(position + 1)",
                "CFItemType": "Grade Span Statement", "educationLevel": span.grades.compactMap(GradeLevel.code),
                "language": content.config.language, "lastChangeDateTime": changed,
                "notes": (["I can:"] + detail.iCan).joined(separator: "\n"),
            ])
        }
        return items
    }

    private func competencyAssociations(_ competency: Competency) -> [JSONValue] {
        let path = path(competency)
        let itemID = id(path)
        let changed = dateTime(competency.lastReviewed)
        let competencyLink = link(competency.title, itemID, collection: "CFItems")
        var associations = [association(child: competencyLink, childID: itemID,
                                        parent: link(content.config.title, documentID, collection: "CFDocuments"),
                                        parentID: documentID, sequence: competency.order, changed: changed)]
        for (position, span) in content.config.gradeSpans.enumerated() where position < competency.spans.count {
            let spanID = id("\(path)\(span.id)/")
            associations.append(association(child: link("\(competency.title), \(span.label)", spanID, collection: "CFItems"), childID: spanID,
                                            parent: competencyLink, parentID: itemID, sequence: position + 1, changed: changed))
        }
        return associations
    }

    private func rubric(_ competency: Competency) -> JSONValue {
        let path = path(competency)
        let changed = dateTime(competency.lastReviewed)
        let rubricID = id("\(path)rubric")
        var criteria: [JSONValue] = []
        for (position, (span, detail)) in zip(content.config.gradeSpans, competency.spans).enumerated() {
            let spanPath = "\(path)\(span.id)/"
            let criterionID = id("\(spanPath)rubric")
            let levels: [JSONValue] = content.config.rubricLevels.enumerated().map { index, level in
                let levelID = id("\(spanPath)rubric/\(level.id)")
                return [
                    "identifier": levelID, "uri": apiURI("CFRubricCriterionLevels", levelID),
                    "quality": level.label, "description": detail.rubric.first { $0.levelID == level.id }?.text ?? "",
                    "position": index + 1, "score": index + 1, "rubricCriterionId": criterionID,
                    "lastChangeDateTime": changed,
                ]
            }
            criteria.append([
                "identifier": criterionID, "uri": apiURI("CFRubricCriteria", criterionID), "category": span.label,
                "description": detail.definition, "CFItemURI": link("\(competency.title), \(span.label)", id(spanPath), collection: "CFItems"),
                "position": position + 1, "rubricId": rubricID, "lastChangeDateTime": changed,
                "CFRubricCriterionLevels": JSONValue.array(levels),
            ])
        }
        return [
            "identifier": rubricID, "uri": apiURI("CFRubrics", rubricID), "title": "\(competency.title) rubric",
            "description": competency.summary, "lastChangeDateTime": changed, "CFRubricCriteria": JSONValue.array(criteria),
        ]
    }

    private func translationEntries(_ entry: (translation: Translation, competency: Competency, translated: Competency))
        -> [(item: JSONValue, association: JSONValue) ] {
        let (translation, competency, translated) = entry
        let path = path(competency)
        let changed = dateTime(translated.lastReviewed ?? competency.lastReviewed)
        var pairs: [(original: (String, String), translatedPath: String, title: String, statement: String, levels: [String])] = [
            ((competency.title, id(path)), "/\(translation.language)\(path)", translated.title,
             "\(translated.headline) \(translated.summary)", content.config.gradeSpans.flatMap(\.grades).compactMap(GradeLevel.code)),
        ]
        for (span, detail) in zip(content.config.gradeSpans, translated.spans) {
            let label = translation.overlay.spanLabels[span.id] ?? span.label
            pairs.append((("\(competency.title), \(span.label)", id("\(path)\(span.id)/")),
                          "/\(translation.language)\(path)\(span.id)/", "\(translated.title), \(label)", detail.definition,
                          span.grades.compactMap(GradeLevel.code)))
        }
        return pairs.map { pair in
            let itemID = id(pair.translatedPath)
            let item: JSONValue = [
                "identifier": itemID, "uri": apiURI("CFItems", itemID), "fullStatement": pair.statement,
                "abbreviatedStatement": pair.title, "CFItemType": "Translation", "educationLevel": pair.levels,
                "language": translation.language, "lastChangeDateTime": changed,
            ]
            let identifier = NameBasedUUID.make(name: urls.absolute("\(Self.apiRoot)/CFAssociations/\(itemID)/isTranslationOf/\(pair.original.1)"))
            let association: JSONValue = [
                "identifier": identifier, "uri": apiURI("CFAssociations", identifier), "associationType": "isTranslationOf",
                "originNodeURI": link(pair.title, itemID, collection: "CFItems"),
                "destinationNodeURI": link(pair.original.0, pair.original.1, collection: "CFItems"),
                "lastChangeDateTime": changed,
            ]
            return (item, association)
        }
    }

    private func association(child: JSONValue, childID: String, parent: JSONValue, parentID: String, sequence: Int, changed: String) -> JSONValue {
        let identifier = NameBasedUUID.make(name: urls.absolute("\(Self.apiRoot)/CFAssociations/\(childID)/isChildOf/\(parentID)"))
        return [
            "identifier": identifier, "uri": apiURI("CFAssociations", identifier), "associationType": "isChildOf",
            "sequenceNumber": sequence, "originNodeURI": child, "destinationNodeURI": parent, "lastChangeDateTime": changed,
        ]
    }
}
