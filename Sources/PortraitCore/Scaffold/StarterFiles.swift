/// The text `portrait init` starts a Portrait with: short, valid, and explained in comments.
enum StarterFiles {
    static let config = """
    # Your Portrait of a Learner. Every setting is explained in docs/content-format.md.
    district: Your School District
    title: Portrait of a Learner
    vision: >-
      Every graduate leaves ready to learn, work and lead.
    base_url: https://portrait.example.org/
    language: en

    grade_spans:
      - id: k-5
        label: Grades K–5
        grades: [K, 1, 2, 3, 4, 5]
      - id: 6-8
        label: Grades 6–8
        grades: [6, 7, 8]
      - id: 9-12
        label: Grades 9–12
        grades: [9, 10, 11, 12]

    rubric_levels:
      - id: emerging
        label: Emerging
      - id: developing
        label: Developing
      - id: proficient
        label: Proficient

    """

    static let home = """
    Welcome to our Portrait of a Learner. It shows the skills we help every
    student build, grade by grade. Start with our [questions and answers](faq.md).

    """

    static let faq = """
    ---
    title: Frequently asked questions
    ---
    ## What is a Portrait of a Learner?

    It is a short list of skills our community wants every graduate to have.

    """

    static let competency = """
    ---
    title: Communication
    order: 1
    summary: Shares ideas clearly and listens to understand.
    headline: I am a clear and caring communicator.
    color: "#1f5f8b"
    spans:
      k-5:
        definition: Students share ideas in full sentences and take turns listening.
        i_can:
          - I can tell my idea in a full sentence.
        look_fors:
          - Students take turns in small-group talk.
        evidence:
          - A recorded retelling of a story
        rubric:
          emerging: Shares an idea with help.
          developing: Shares an idea in a full sentence.
          proficient: Shares ideas clearly and listens to others.
      6-8:
        definition: Students support ideas with evidence and respond with respect.
        i_can:
          - I can back up my ideas with evidence.
        look_fors:
          - Students cite sources in discussion.
        evidence:
          - A written argument with sources
        rubric:
          emerging: States ideas with little evidence.
          developing: Supports some ideas with evidence.
          proficient: Supports ideas with evidence and responds with respect.
      9-12:
        definition: Graduates adapt their message to any audience and listen first.
        i_can:
          - I can change my message for different audiences.
        look_fors:
          - Students present to community panels.
        evidence:
          - A capstone presentation
        rubric:
          emerging: Communicates in familiar settings.
          developing: Adapts messages for some audiences.
          proficient: Communicates clearly to many audiences.
    ---
    Communication is how we share what we know and learn what others know.

    """
}
