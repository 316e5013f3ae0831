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
        let package = json(makePackage())
        let documents = json(["CFDocuments": [makeDocument()]])
        return [
            OutputFile(path: "ims/case/v1p1/CFPackages/\(documentID)", text: package),
            OutputFile(path: "ims/case/v1p1/CFPackages/\(documentID).json", text: package),
            OutputFile(path: "ims/case/v1p1/CFDocuments", text: documents),
            OutputFile(path: "ims/case/v1p1/CFDocuments.json", text: documents),
        ]
    }

    func makeDocument() -> [String: Any] {
        let config = content.config
        var document: [String: Any] = [
            "identifier": documentID, "uri": apiURI("CFDocuments", documentID), "creator": config.district,
            "title": config.title, "lastChangeDateTime": dateTime(config.lastReviewed), "caseVersion": "1.1",
            "officialSourceURL": urls.absolute("/"), "publisher": config.district, "description": config.vision,
            "language": config.language, "frameworkType": "Portrait of a Learner",
        ]
        if let version = config.caseSettings.version { document["version"] = version }
        if let status = config.caseSettings.adoptionStatus { document["adoptionStatus"] = status }
        if let title = config.caseSettings.licenseTitle, let url = config.caseSettings.licenseURL {
            document["licenseURI"] = ["title": title, "identifier": NameBasedUUID.make(name: url), "uri": url]
        }
        return document
    }

    private func link(_ title: String, _ identifier: String, collection: String) -> [String: Any] {
        ["title": title, "identifier": identifier, "uri": apiURI(collection, identifier)]
    }

    func makePackage() -> [String: Any] {
        var items: [[String: Any]] = []
        var associations: [[String: Any]] = []
        var rubrics: [[String: Any]] = []
        let document = makeDocument()
        let documentLink = link(content.config.title, documentID, collection: "CFDocuments")

        for competency in content.competencies {
            let path = "/competencies/\(competency.slug)/"
            let itemID = id(path)
            let changed = dateTime(competency.lastReviewed)
            let allGrades = content.config.gradeSpans.flatMap(\.grades).compactMap(GradeLevel.code)
            items.append([
                "identifier": itemID, "uri": apiURI("CFItems", itemID), "fullStatement": "\(competency.headline) \(competency.summary)",
                "abbreviatedStatement": competency.title, "humanCodingScheme": String(competency.order),
                "CFItemType": "Competency", "educationLevel": allGrades, "language": content.config.language,
                "lastChangeDateTime": changed, "notes": urls.absolute(path),
            ])
            let competencyLink = link(competency.title, itemID, collection: "CFItems")
            associations.append(association(child: competencyLink, parent: documentLink, sequence: competency.order, changed: changed))

            var criteria: [[String: Any]] = []
            let rubricID = id("\(path)rubric")
            for (position, (span, detail)) in zip(content.config.gradeSpans, competency.spans).enumerated() {
                let spanPath = "\(path)\(span.id)/"
                let spanID = id(spanPath)
                let title = "\(competency.title), \(span.label)"
                items.append([
                    "identifier": spanID, "uri": apiURI("CFItems", spanID), "fullStatement": detail.definition,
                    "abbreviatedStatement": title, "humanCodingScheme": "\(competency.order).\(position + 1)",
                    "CFItemType": "Grade Span Statement", "educationLevel": span.grades.compactMap(GradeLevel.code),
                    "language": content.config.language, "lastChangeDateTime": changed,
                    "notes": (["I can:"] + detail.iCan).joined(separator: "\n"),
                ])
                associations.append(association(child: link(title, spanID, collection: "CFItems"), parent: competencyLink,
                                                sequence: position + 1, changed: changed))
                let criterionID = id("\(spanPath)rubric")
                criteria.append([
                    "identifier": criterionID, "uri": apiURI("CFRubricCriteria", criterionID), "category": span.label,
                    "description": detail.definition, "CFItemURI": link(title, spanID, collection: "CFItems"),
                    "position": position + 1, "rubricId": rubricID, "lastChangeDateTime": changed,
                    "CFRubricCriterionLevels": content.config.rubricLevels.enumerated().map { index, level -> [String: Any] in
                        let levelID = id("\(spanPath)rubric/\(level.id)")
                        return [
                            "identifier": levelID, "uri": apiURI("CFRubricCriterionLevels", levelID),
                            "quality": level.label, "description": detail.rubric.first { $0.levelID == level.id }?.text ?? "",
                            "position": index + 1, "score": index + 1, "rubricCriterionId": criterionID,
                            "lastChangeDateTime": changed,
                        ]
                    },
                ])
            }
            rubrics.append([
                "identifier": rubricID, "uri": apiURI("CFRubrics", rubricID), "title": "\(competency.title) rubric",
                "description": competency.summary, "lastChangeDateTime": changed, "CFRubricCriteria": criteria,
            ])
        }
        // Translated competencies and statements are items of their own, tied to the originals with isTranslationOf.
        for translation in content.translations.sorted(by: { $0.language < $1.language }) {
            for competency in content.competencies {
                guard let translated = translation.competencies[competency.slug] else { continue }
                let path = "/competencies/\(competency.slug)/"
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
                for pair in pairs {
                    let itemID = id(pair.translatedPath)
                    items.append([
                        "identifier": itemID, "uri": apiURI("CFItems", itemID), "fullStatement": pair.statement,
                        "abbreviatedStatement": pair.title, "CFItemType": "Translation", "educationLevel": pair.levels,
                        "language": translation.language, "lastChangeDateTime": changed,
                    ])
                    let identifier = NameBasedUUID.make(name: urls.absolute("\(Self.apiRoot)/CFAssociations/\(itemID)/isTranslationOf/\(pair.original.1)"))
                    associations.append([
                        "identifier": identifier, "uri": apiURI("CFAssociations", identifier), "associationType": "isTranslationOf",
                        "originNodeURI": link(pair.title, itemID, collection: "CFItems"),
                        "destinationNodeURI": link(pair.original.0, pair.original.1, collection: "CFItems"),
                        "lastChangeDateTime": changed,
                    ])
                }
            }
        }
        return ["CFDocument": document, "CFItems": items, "CFAssociations": associations, "CFRubrics": rubrics]
    }

    private func association(child: [String: Any], parent: [String: Any], sequence: Int, changed: String) -> [String: Any] {
        let childID = child["identifier"] as! String, parentID = parent["identifier"] as! String
        let identifier = NameBasedUUID.make(name: urls.absolute("\(Self.apiRoot)/CFAssociations/\(childID)/isChildOf/\(parentID)"))
        return [
            "identifier": identifier, "uri": apiURI("CFAssociations", identifier), "associationType": "isChildOf",
            "sequenceNumber": sequence, "originNodeURI": child, "destinationNodeURI": parent, "lastChangeDateTime": changed,
        ]
    }
}

/// Pretty, key-sorted JSON so two builds give identical bytes and diffs stay readable.
func json(_ object: Any) -> String { JSONText.pretty(object) }
