"""The fixed, translated list of topics a young person may need help with.

Each topic has a one-line explanation and a few example questions, so that a
young person learns which questions exist and whom they can ask.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Topic:
    slug: str
    icon: str
    label: object
    explanation: object
    examples: tuple

    def as_dict(self) -> dict:
        return {"slug": self.slug, "icon": self.icon, "label": str(self.label),
                "explanation": str(self.explanation),
                "examples": [str(example) for example in self.examples]}


TOPICS = (
    Topic("work", "briefcase", _l("Work and internships"),
          _l("Finding a job, a side job or an internship, and your rights at work."),
          (_l("How do I find a side job that fits my school hours?"),
           _l("How do I write a CV?"),
           _l("How much may I earn next to my benefits?"))),
    Topic("school", "book", _l("School and study"),
          _l("Learning Dutch, choosing a school or a study, and help with homework."),
          (_l("Which study fits me after the language class?"),
           _l("Where can I get help with my homework?"),
           _l("Can my diploma from home be recognised here?"))),
    Topic("money", "coins", _l("Money and benefits"),
          _l("Benefits, allowances, paying bills and what to do about debts."),
          (_l("Which allowances can I get?"),
           _l("How do I make a monthly budget?"),
           _l("What do I do if I cannot pay a bill?"))),
    Topic("housing", "house", _l("Housing and moving out"),
          _l("Finding your own place, rent, and what to arrange when you move."),
          (_l("How do I register for a house?"),
           _l("What must I arrange when I move out?"),
           _l("Can I get help to pay the rent?"))),
    Topic("family_reunification", "family", _l("Family reunification"),
          _l("Bringing your family to the Netherlands: the rules and the steps."),
          (_l("Can my parents and brothers and sisters come here?"),
           _l("Which papers do I need for family reunification?"),
           _l("How long does the procedure take?"))),
    Topic("health", "heart", _l("Health"),
          _l("Doctors, dentists, health insurance and medicine."),
          (_l("How do I find a family doctor?"),
           _l("Does my insurance pay for the dentist?"),
           _l("Where do I go at night when I am ill?"))),
    Topic("feeling_down", "cloud", _l("Feeling down"),
          _l("Stress, sadness, sleeping badly or missing home: you do not have to carry it alone."),
          (_l("I sleep badly and worry a lot. Who can I talk to?"),
           _l("I miss my family. Is that normal?"),
           _l("Can I talk to someone in my own language?"))),
    Topic("free_time", "ball", _l("Sport and free time"),
          _l("Joining a sports club, hobbies and meeting people."),
          (_l("How do I join a football club?"),
           _l("Who pays the membership fee of a club?"),
           _l("Where can I meet other young people?"))),
    Topic("residence_legal", "scale", _l("Residence permit and legal questions"),
          _l("Your residence permit, extending it, naturalisation and legal help."),
          (_l("When must I extend my residence permit?"),
           _l("Where can I get free legal help?"),
           _l("What does this letter from the IND mean?"))),
    Topic("paperwork", "envelope", _l("Daily paperwork"),
          _l("DigiD, a bank account, insurance and letters you do not understand."),
          (_l("How do I apply for DigiD?"),
           _l("How do I open a bank account?"),
           _l("Can someone explain this letter to me?"))),
)
TOPIC_SLUGS = tuple(topic.slug for topic in TOPICS)
_BY_SLUG = {topic.slug: topic for topic in TOPICS}


def get_topic(slug: str) -> Topic | None:
    return _BY_SLUG.get(slug)


def init_app(app) -> None:
    from meedoen.extensions import api
    from meedoen.topics.routes import blp

    api.register_blueprint(blp)
