"""Demo ideas: what young people answered to "if you were the boss…" in the research.

Some are waiting, some are being looked at, some planned with the activity that came of
them, one done and one not possible (with the reason). Runs after the activities demo.
"""

from datetime import timedelta

from sqlalchemy import or_, select

from meedoen.activities.models import Activity, ActivityText
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.ideas.models import (
    Idea,
    IdeaAnswer,
    IdeaAnswerText,
    IdeaStatus,
    IdeaSupport,
    IdeaText,
    SupportKind,
)

TOURNAMENT = {
    "author": "demo-youth", "category": "sport", "help": True, "days_ago": 12,
    "texts": {
        "ti": ("ውድድር ኩዕሶ እግሪ ንኹሉ ኣባይቲ",
               "ኩሎም ኣባይቲ ናይ እዛ ከተማ ብሓባር ውድድር ኩዕሶ እግሪ ይግበሩ፣ ነጻ መግቢ ድማ ይህሉ።"
               " ኣብ ምውዳቡ ክሕግዝ እየ።"),
        "nl": ("Voetbaltoernooi voor alle woonlocaties",
               "Een voetbaltoernooi tussen alle woonlocaties in de gemeente, met gratis eten "
               "erbij. Ik help graag met organiseren."),
        "en": ("Football tournament for all locations",
               "A football tournament between all the houses in the municipality, with free "
               "food. I would like to help organise it."),
    },
    "supporters": [("demo-youth-ar", SupportKind.JOIN)],
    "answers": [
        {"by": "demo-worker", "status": IdeaStatus.LOOKING, "day": 3, "messages": {
            "nl": "Goed idee! We vragen de voetbalclub of we hun velden mogen gebruiken, en "
                  "het jeugdfonds of het eten betaald kan worden.",
            "en": "Good idea! We are asking the football club if we can use their pitches, "
                  "and the youth fund if it can pay for the food."}},
    ],
}

CULTURE_PARTY = {
    "author": "demo-youth-ar", "category": "culture_evening", "help": True, "days_ago": 30,
    "texts": {
        "ar": ("حفلة الثقافات",
               "حفلة يقدّم فيها كل واحد ثقافته: الطعام والموسيقى والملابس والرقص من بلده."),
        "nl": ("Feest van alle culturen",
               "Een feest waar iedereen zijn eigen cultuur laat zien: eten, muziek, kleding "
               "en dans uit je eigen land."),
    },
    "supporters": [("demo-youth", SupportKind.HELP)],
    "answers": [
        {"by": "demo-worker", "status": IdeaStatus.PLANNED, "day": 6,
         "activity": ("culture_evening", ("cultuur",)), "messages": {
             "nl": "We maken er een cultuuravond van. Wie wil, kan iets laten zien of koken.",
             "ar": "سننظّم أمسية ثقافية. من يريد يمكنه أن يقدّم شيئًا أو يطبخ."}},
    ],
}

FOOTBALL_TEAM = {
    "author": "demo-youth", "category": "sport", "help": False, "days_ago": 60,
    "texts": {
        "en": ("Our own football team",
               "A football team for the young people from the houses, with a coach and a "
               "fixed evening every week."),
    },
    "supporters": [("demo-youth-ar", SupportKind.JOIN)],
    "answers": [
        {"by": "demo-worker", "status": IdeaStatus.PLANNED, "day": 9,
         "activity": ("sport", ("voetbaltraining",)), "messages": {
             "nl": "Er komt een wekelijkse voetbaltraining met een trainer van VV De Meer.",
             "en": "There will be a weekly football training with a coach from VV De Meer."}},
        {"by": "demo-worker", "status": IdeaStatus.DONE, "day": 30, "messages": {
            "nl": "De training is begonnen, elke dinsdagavond. Kom gerust meedoen!",
            "en": "The training has started, every Tuesday evening. You are welcome to join!"}},
    ],
}

GYM = {
    "author": "demo-youth-ar", "category": "sport", "help": False, "days_ago": 25,
    "texts": {
        "ar": ("اشتراك مجاني في النادي الرياضي",
               "أريد أن أذهب إلى النادي الرياضي، لكن الاشتراك غالٍ جدًا."),
    },
    "supporters": [],
    "answers": [
        {"by": "demo-worker", "status": IdeaStatus.NOT_POSSIBLE, "day": 4, "messages": {
            "nl": "Een gratis abonnement voor iedereen kunnen we niet betalen. Het jeugdfonds "
                  "betaalt wel sport bij een club: je mentor helpt je met de aanvraag.",
            "ar": "لا نستطيع دفع اشتراك مجاني للجميع. لكن صندوق الشباب يدفع ثمن الرياضة في "
                  "نادٍ: مرشدك يساعدك في الطلب.",
            "en": "We cannot pay for a free subscription for everyone. The youth fund does pay "
                  "for sport at a club: your mentor helps you apply."}},
    ],
}

VOLLEYBALL_TEAM = {
    "author": "demo-youth-fa", "category": "sport", "help": True, "days_ago": 45,
    "texts": {
        "fa": ("تیم والیبال خودمان",
               "می‌خواهیم تیم والیبال خودمان را داشته باشیم و هر هفته با هم تمرین کنیم."),
        "nl": ("Ons eigen volleybalteam",
               "We willen ons eigen volleybalteam en elke week samen trainen."),
    },
    "supporters": [],
    "answers": [
        {"by": "demo-admin", "status": IdeaStatus.PLANNED, "day": 10,
         "activity": ("sport", ("volleybal",)), "messages": {
             "nl": "Sporthal De Hoeven heeft plek: om de week een training voor beginners.",
             "fa": "سالن ورزشی De Hoeven جا دارد: هر دو هفته یک بار تمرین برای تازه‌کارها."}},
    ],
}

FOOTBALL_TILBURG = {
    "author": "demo-youth-fa", "category": "sport", "help": True, "days_ago": 20,
    "texts": {
        "fa": ("تیم فوتبال خودمان",
               "می‌خواهیم تیم فوتبال خودمان را داشته باشیم، هر هفته تمرین کنیم و در مسابقه‌ها "
               "بازی کنیم."),
    },
    "supporters": [],
    "answers": [],
}

TALENT_SHOW = {
    "author": "demo-youth-so", "category": "talent_show", "help": True, "days_ago": 18,
    "texts": {
        "so": ("Bandhig hibo",
               "Bandhig hibo oo qof walba uu ku tusi karo waxa uu yaqaan: hees, qoob-ka-ciyaar, "
               "rap ama kaftan."),
        "nl": ("Talentenshow",
               "Een talentenshow waar iedereen kan laten zien wat hij kan: zingen, dansen, "
               "rappen of grappen maken."),
    },
    "supporters": [],
    "answers": [
        {"by": "demo-admin", "status": IdeaStatus.LOOKING, "day": 2, "messages": {
            "nl": "Leuk! We zoeken een zaal en een datum.",
            "so": "Waa fikrad fiican! Waxaan raadinaynaa hool iyo taariikh."}},
        {"by": "demo-admin", "status": IdeaStatus.PLANNED, "day": 8,
         "activity": ("talent_show", ("talent",)), "messages": {
             "nl": "De talentenshow komt er, in Het Oude Postkantoor. Doe je mee?",
             "so": "Bandhigga hibada wuu dhacayaa, Het Oude Postkantoor. Ma ka qayb qaadanaysaa?"}},
    ],
}

LANGUAGE_CAFE = {
    "author": "demo-youth-so", "category": "language_cafe", "help": False, "days_ago": 3,
    "texts": {
        "so": ("Kafee luqadeed oo lala yeesho dhallinyarada Nederlandka",
               "Meel aan la kulanno dhallinyaro Nederlandays ah, aan Nederlandka ku hadalno "
               "oo aan saaxiibo ku helno."),
    },
    "supporters": [],
    "answers": [],
}

IDEAS = (TOURNAMENT, CULTURE_PARTY, FOOTBALL_TEAM, GYM, VOLLEYBALL_TEAM, FOOTBALL_TILBURG,
         TALENT_SHOW, LANGUAGE_CAFE)


def _user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def find_activity(municipality_id: int, category: str, words: tuple[str, ...]) -> Activity | None:
    """The demo activity that came of an idea (the activities demo made it), if there is one."""
    query = (select(Activity).where(Activity.municipality_id == municipality_id,
                                    Activity.category == category)
             .order_by(Activity.starts_at).limit(1))
    if words:
        titles = select(ActivityText.activity_id).where(
            or_(*[ActivityText.title.ilike(f"%{word}%") for word in words]))
        query = query.where(Activity.id.in_(titles))
    return db.session.scalar(query)


def _exists(author: User, title: str) -> bool:
    return db.session.scalar(
        select(Idea.id).join(IdeaText).where(Idea.author_id == author.id,
                                             IdeaText.title == title)) is not None


def _answer(idea: Idea, spec: dict, created) -> None:
    staff = _user(spec["by"])
    activity = find_activity(idea.municipality_id, *spec["activity"]) if "activity" in spec \
        else None
    at = created + timedelta(days=spec["day"])
    messages = spec["messages"]
    idea.answers.append(IdeaAnswer(
        author_id=staff.id if staff else None, status=spec["status"],
        original_language=next(iter(messages)), created_at=at,
        activity_id=activity.id if activity else None,
        texts=[IdeaAnswerText(language=lang, message=text) for lang, text in messages.items()]))
    idea.activity_id = activity.id if activity else idea.activity_id
    idea.first_answered_at = idea.first_answered_at or at
    idea.status, idea.status_changed_at = spec["status"], at


def load_idea(spec: dict) -> None:
    author = _user(spec["author"])
    original, (title, _description) = next(iter(spec["texts"].items()))
    if author is None or _exists(author, title):
        return
    created = utcnow() - timedelta(days=spec["days_ago"])
    idea = Idea(municipality_id=author.municipality_id, author_id=author.id,
                category=spec["category"], original_language=original,
                will_help_organise=spec["help"], status=IdeaStatus.NEW, created_at=created,
                texts=[IdeaText(language=lang, title=t, description=d)
                       for lang, (t, d) in spec["texts"].items()])
    db.session.add(idea)
    for spec_answer in spec["answers"]:
        _answer(idea, spec_answer, created)
    db.session.flush()
    for username, kind in spec["supporters"]:
        supporter = _user(username)
        if supporter and supporter.municipality_id == idea.municipality_id:
            db.session.add(IdeaSupport(idea_id=idea.id, user_id=supporter.id, kind=kind,
                                       created_at=created + timedelta(days=1)))


def load_ideas(password_hash: str) -> None:
    for spec in IDEAS:
        load_idea(spec)
