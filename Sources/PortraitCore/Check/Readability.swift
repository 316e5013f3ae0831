import Foundation

/// Flesch–Kincaid grade level of family-facing text, so a district can keep its Portrait readable by
/// most parents (plain-language guidance for public communication aims at about grade 8).
public enum Readability {
    public struct PageScore: Sendable {
        public var title: String
        public var file: String
        public var grade: Double
        public var words: Int
    }

    public static func grade(of text: String) -> (grade: Double, words: Int) {
        let sentences = max(1, text.split(whereSeparator: { ".!?".contains($0) }).filter { $0.contains(where: \.isLetter) }.count)
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }).map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return (0, 0) }
        let syllables = words.reduce(0) { $0 + syllableCount($1) }
        let grade = 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(syllables) / Double(words.count) - 15.59
        return (max(0, (grade * 10).rounded() / 10), words.count)
    }

    /// Vowel groups, less a silent final "e": close enough for English grade estimates.
    static func syllableCount(_ word: String) -> Int {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for character in word {
            let isVowel = vowels.contains(character)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if word.hasSuffix("e") && !word.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }

    static func scores(_ content: PortraitContent) -> [PageScore] {
        var scores: [PageScore] = []
        func add(_ title: String, _ file: String, _ texts: [String]) {
            let result = grade(of: texts.joined(separator: "\n"))
            if result.words >= 30 { scores.append(PageScore(title: title, file: file, grade: result.grade, words: result.words)) }
        }
        if let home = content.home { add("Home", home.file, [content.config.vision, home.body.text]) }
        for competency in content.competencies {
            var texts = [competency.summary, competency.headline, competency.body.text]
            for span in competency.spans { texts += [span.definition] + span.iCan + span.lookFors + span.evidence }
            add(competency.title, competency.file, texts)
        }
        if let faq = content.faq { add(faq.title, faq.file, [faq.intro.text] + faq.entries.map { "\($0.question)\n\($0.answer.text)" }) }
        for page in content.pages { add(page.title, page.file, [page.body.text]) }
        return scores
    }

    public static func check(_ content: PortraitContent, target: Double) -> (scores: [PageScore], warnings: [Diagnostic]) {
        let scores = self.scores(content)
        let warnings = scores.filter { $0.grade > target }.map { score in
            Diagnostic.warning(at: SourceLocation(file: score.file, line: 1, column: 1),
                               "\(score.title) reads at grade \(String(format: "%.1f", score.grade)), above the grade \(String(format: "%g", target)) target",
                               suggestion: "use shorter sentences and everyday words")
        }
        return (scores, warnings)
    }
}
