"""Demo contacts: for each demo municipality youth workers, coaches, community organisations
for the main language groups and buddies with lived experience, plus a few national services.

Every entry is marked "(voorbeeld)"; phone numbers are unallocated (+31 6 0000 …) and
addresses use the reserved .example domain, so nobody real is called or mailed.
"""

from datetime import timedelta

from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.contacts import screening
from meedoen.contacts.models import Assignment, Contact, ContactKind, ContactText
from meedoen.extensions import db
from meedoen.places.models import Municipality

EXAMPLE = " (voorbeeld)"
K = ContactKind

# Help texts per template, in Dutch and (for language groups) in the group's language.
HELP = {
    "youth_worker": {"nl": "Ik ben jongerenwerker in {place}. Je kunt bij mij terecht met alle "
                           "vragen: school, geld, vrije tijd of als je je niet goed voelt. "
                           "Elke woensdagmiddag heb ik inloop.",
                     "en": "I am a youth worker in {place}. Come to me with any question: school, "
                           "money, free time, or if you do not feel well. Drop in on Wednesday "
                           "afternoons."},
    "job_coach": {"nl": "Ik help je een bijbaan, stage of opleiding te vinden die past bij je "
                        "rooster. Samen maken we je cv.",
                  "en": "I help you find a side job, internship or training that fits your "
                        "schedule. We write your CV together."},
    "school_coach": {"nl": "Ik help met de overstap van de taalklas naar het mbo en met huiswerk. "
                           "Ook als je niet weet welke opleiding bij je past."},
    "sports_coach": {"nl": "Ik train jongeren bij de voetbalclub. Iedereen mag een keer gratis "
                           "meedoen; de contributie kan via het jeugdfonds."},
    "health_worker": {"nl": "Ik ben praktijkondersteuner jeugd bij de huisarts. Je kunt met mij "
                            "praten over slapen, stress en heimwee. Wat je vertelt blijft tussen "
                            "ons."},
    "guardian": {"nl": "Ik ben voogd voor jongeren tot 18 jaar. Ik denk mee over verblijf, "
                       "gezinshereniging en je toekomst."},
    "ti": {"nl": "Wij zijn een vereniging van Eritreeërs in {place}. We helpen met brieven, "
                 "gezinshereniging en vieren samen feesten.",
           "ti": "ኣብ {place} ዘለና ማሕበር ኤርትራውያን ኢና። ብደብዳቤታት፡ ብምጥርናፍ ስድራቤትን ንሕግዝ፡ "
                 "ብሓባር ድማ በዓላት ነብዕል።"},
    "ar": {"nl": "Wij zijn een Syrische stichting in {place}. Je kunt bij ons terecht met vragen "
                 "over geld, wonen en papieren, in het Arabisch.",
           "ar": "نحن مؤسسة سورية في {place}. يمكنك أن تأتي إلينا بأسئلتك عن المال والسكن "
                 "والأوراق، باللغة العربية."},
    "fa": {"nl": "Wij zijn een Afghaanse vereniging in {place}. We helpen in het Dari met "
                 "school, werk en brieven.",
           "fa": "ما یک انجمن افغان در {place} هستیم. به زبان دری در کارهای مدرسه، کار و "
                 "نامه‌ها کمک می‌کنیم."},
    "so": {"nl": "Wij zijn een Somalische vereniging in {place}. We helpen met papieren, "
                 "school en gezinshereniging, in het Somali.",
           "so": "Waxaan nahay urur Soomaaliyeed oo ku yaal {place}. Waxaan ka caawinnaa "
                 "waraaqaha, dugsiga iyo isku-keenidda qoyska, af Soomaali."},
    "buddy_ti": {"nl": "Ik kwam zelf op mijn zestiende naar Nederland. Ik weet hoe moeilijk het "
                       "begin is. Bel of app me gerust.",
                 "ti": "ኣነ ባዕለይ ኣብ 16 ዓመተይ ናብ ሆላንድ መጺአ። እቲ መጀመርታ ክሳብ ክንደይ ከቢድ ምዃኑ "
                       "እፈልጥ እየ። ብዘይ ስክፍታ ደውለለይ ወይ መልእኽቲ ስደደለይ።"},
    "buddy_ar": {"nl": "Vijf jaar geleden was ik nieuw in Nederland, net als jij. Nu studeer ik. "
                       "Ik help je graag op weg.",
                 "ar": "قبل خمس سنوات كنت جديداً في هولندا مثلك. الآن أدرس. يسعدني أن أساعدك "
                       "في البداية."},
    "buddy_fa": {"nl": "Ik kom uit Afghanistan en woon hier nu zes jaar. Ik ken de weg en praat "
                       "graag met je in het Dari.",
                 "fa": "من از افغانستان هستم و شش سال است که اینجا زندگی می‌کنم. راه‌ها را "
                       "می‌شناسم و خوشحال می‌شوم به دری با تو صحبت کنم."},
    "buddy_so": {"nl": "Ik ben zelf als jongere uit Somalië gekomen. Ik help je met de eerste "
                       "stappen: school, bank en sport.",
                 "so": "Anigu waxaan Soomaaliya ka imid anigoo dhallinyaro ah. Waxaan kaa "
                       "caawinayaa tallaabooyinka ugu horreeya: dugsiga, bangiga iyo ciyaaraha."},
    "mentor": {"nl": "Ik ben locatiemedewerker in jouw huis. Ik help met alles van de dag: "
                     "afspraken, brieven en plannen.",
               "en": "I am the staff member at your house. I help with everyday things: "
                     "appointments, letters and plans."},
}

# name, kind, organisation, languages, topics, lived experience, help template, username
LOCAL = (
    ("Jongerenwerker Lotte", K.YOUTH_WORKER, "Jongerenwerk {place}", ["nl", "en"],
     ["free_time", "feeling_down", "money", "school"], False, "youth_worker", None),
    ("Jongerenwerker Youssef", K.YOUTH_WORKER, "Jongerenwerk {place}", ["nl", "ar", "en"],
     ["free_time", "housing", "work", "paperwork"], False, "youth_worker", None),
    ("Jobcoach Mirjam", K.JOB_COACH, "Werkplein {place}", ["nl", "en"], ["work", "money"],
     False, "job_coach", None),
    ("Schoolcoach Daan", K.SCHOOL_COACH, "ISK {place}", ["nl", "en", "fr"], ["school"],
     False, "school_coach", None),
    ("Trainer Kevin", K.SPORTS_COACH, "Voetbalvereniging {place}", ["nl"], ["free_time"], False,
     "sports_coach", None),
    ("Praktijkondersteuner Ilse", K.HEALTH_WORKER, "Huisartsenpraktijk {place}", ["nl", "en"],
     ["health", "feeling_down"], False, "health_worker", None),
    ("Voogd Marieke", K.GUARDIAN, "Voogdij-instelling", ["nl", "en"],
     ["residence_legal", "family_reunification"], False, "guardian", None),
    ("Eritrese Gemeenschap {place}", K.COMMUNITY_ORGANISATION, None, ["ti", "am", "nl"],
     ["family_reunification", "paperwork", "free_time"], True, "ti", None),
    ("Syrische Stichting {place}", K.COMMUNITY_ORGANISATION, None, ["ar", "ku", "nl"],
     ["money", "housing", "paperwork"], True, "ar", None),
    ("Afghaanse Vereniging {place}", K.COMMUNITY_ORGANISATION, None, ["fa", "ps", "nl"],
     ["school", "work", "paperwork"], True, "fa", None),
    ("Somalische Vereniging {place}", K.COMMUNITY_ORGANISATION, None, ["so", "nl", "en"],
     ["paperwork", "school", "family_reunification"], True, "so", None),
    ("Buddy Senait", K.BUDDY, "Buddyproject {place}", ["ti", "nl", "en"],
     ["school", "work", "free_time", "feeling_down"], True, "buddy_ti", None),
    ("Buddy Omar", K.BUDDY, "Buddyproject {place}", ["ar", "nl"],
     ["work", "housing", "feeling_down"], True, "buddy_ar", None),
    ("Buddy Farid", K.BUDDY, "Buddyproject {place}", ["fa", "ps", "nl"],
     ["school", "money", "free_time"], True, "buddy_fa", None),
    ("Buddy Hodan", K.BUDDY, "Buddyproject {place}", ["so", "nl", "en"],
     ["paperwork", "school", "free_time"], True, "buddy_so", None),
)

# The demo staff accounts manage their own entries in Amsterdam.
LINKED = (
    ("Mentor Sanne", K.MENTOR, "KWE Amsterdam", ["nl", "en"],
     ["school", "paperwork", "housing", "money"], False, "mentor", "demo-mentor"),
    ("Jongerenwerker Rachid", K.YOUTH_WORKER, "Jongerenwerk Amsterdam", ["nl", "ar"],
     ["work", "money", "free_time", "feeling_down"], False, "youth_worker", "demo-worker"),
    ("Coach Mehmet", K.SPORTS_COACH, "Zaalvoetbal Amsterdam-Noord", ["nl", "tr", "ku"],
     ["free_time", "work"], True, "sports_coach", "demo-contact"),
)

NATIONAL = (
    ("Landelijke chat voor jongeren", K.HEALTH_WORKER, "Chatdienst", ["nl", "en", "ar"],
     ["feeling_down", "health"], False,
     {"nl": "Dag en nacht anoniem chatten over wat je dwarszit.",
      "en": "Chat anonymously, day and night, about what is on your mind."}),
    ("Juridisch spreekuur statushouders", K.OTHER, "Rechtshulp", ["nl", "en", "ar", "ti", "fa"],
     ["residence_legal", "family_reunification"], False,
     {"nl": "Gratis juridisch advies over je verblijfsvergunning en gezinshereniging, met tolk.",
      "ti": "ብዛዕባ ፍቓድ መንበርካን ምጥርናፍ ስድራቤትን ብነጻ ሕጋዊ ምኽሪ፡ ምስ ተርጓሚ።"}),
    ("Geldlijn voor jongeren", K.OTHER, "Schuldhulp", ["nl", "en"], ["money", "paperwork"], False,
     {"nl": "Hulp bij je eerste eigen geld: toeslagen, rekeningen en schulden voorkomen."}),
    ("Landelijk buddynetwerk nieuwkomers", K.BUDDY, "Buddynetwerk", ["nl", "ar", "ti", "fa", "so"],
     ["free_time", "school", "feeling_down"], True,
     {"nl": "Wij koppelen je aan een buddy die zelf ook nieuw was in Nederland.",
      "so": "Waxaan kugu xiraynaa saaxiib isna mar ahaa qof cusub oo Nederland yimid."}),
)

# young person -> the entries assigned to them ("my people")
ASSIGNED = {
    "demo-youth": ["Mentor Sanne", "Jongerenwerker Rachid", "Coach Mehmet", "Buddy Senait"],
    "demo-youth-ar": ["Mentor Sanne", "Jongerenwerker Rachid"],
    "demo-youth-so": ["Buddy Hodan", "Somalische Vereniging Groningen"],
}


def _phone(n: int) -> str:
    return f"+31600000{n:03d}"


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def ensure_contact(name: str, municipality: Municipality | None, **fields) -> Contact:
    full_name = name + EXAMPLE
    municipality_id = municipality.id if municipality else None
    contact = db.session.scalar(select(Contact).where(Contact.name == full_name,
                                                      _same_place(municipality_id)))
    if contact is None:
        contact = Contact(name=full_name, municipality_id=municipality_id)
        db.session.add(contact)
    texts = fields.pop("texts")
    languages, topics = fields.pop("languages"), fields.pop("topics")
    for field, value in fields.items():
        setattr(contact, field, value)
    contact.languages, contact.topics = languages, topics
    contact.texts = [ContactText(language=lang, help_text=text) for lang, text in texts.items()]
    return contact


def _same_place(municipality_id):
    if municipality_id is None:
        return Contact.municipality_id.is_(None)
    return Contact.municipality_id == municipality_id


def _local_contact(row, municipality: Municipality, number: int) -> Contact:
    name, kind, organisation, languages, topics, lived, template, username = row
    place = municipality.name
    user = db.session.scalar(select(User).where(User.username == username)) if username else None
    texts = {lang: text.format(place=place) for lang, text in HELP[template].items()}
    name = name.format(place=place)
    return _demo_check(ensure_contact(
        name, municipality, kind=kind, languages=languages, topics=topics,
        lived_experience=lived, texts=texts, user_id=user.id if user else None,
        organisation=organisation.format(place=place) if organisation else None,
        phone=_phone(number), whatsapp=_phone(number) if kind == K.BUDDY or lived else None,
        email=f"{_slug(name)}@{_slug(place)}.example",
        address=f"Voorbeeldstraat {number % 90 + 1}, {place}",
        opening_hours="ma–vr 9:00–17:00" if kind != K.BUDDY else "na schooltijd en in het weekend"))


def _demo_check(contact: Contact) -> Contact:
    """Buddies and community organisations in the demo have a VOG check (recorded by nobody
    in particular), so they receive questions as they would after staff record one."""
    if contact.kind in (K.BUDDY, K.COMMUNITY_ORGANISATION) and contact.screening_checked_on is None:
        contact.screening_checked_on = screening.today() - timedelta(days=200)
        contact.screening_valid_until = contact.screening_checked_on + timedelta(days=3 * 365)
    return contact


def load_contacts(password_hash: str) -> None:
    municipalities = db.session.scalars(select(Municipality).order_by(Municipality.id)).all()
    number = 0
    by_name: dict[tuple[str, int | None], Contact] = {}
    for municipality in municipalities:
        rows = LOCAL + (LINKED if municipality.name == "Amsterdam" else ())
        for row in rows:
            number += 1
            contact = _local_contact(row, municipality, number)
            by_name[(contact.name, municipality.id)] = contact
    for name, kind, organisation, languages, topics, lived, texts in NATIONAL:
        number += 1
        _demo_check(ensure_contact(
            name, None, kind=kind, organisation=organisation, languages=languages, topics=topics,
            lived_experience=lived, texts=texts, phone=_phone(number),
            website=f"https://{_slug(name)}.example/", opening_hours="dag en nacht"))
    db.session.flush()
    _assign_demo_people(by_name)


def _assign_demo_people(by_name: dict) -> None:
    for username, names in ASSIGNED.items():
        youth = db.session.scalar(select(User).where(User.username == username))
        if youth is None:
            continue
        for name in names:
            contact = by_name.get((name + EXAMPLE, youth.municipality_id))
            exists = contact and db.session.scalar(select(Assignment.id).where(
                Assignment.youth_id == youth.id, Assignment.contact_id == contact.id))
            if contact and not exists:
                db.session.add(Assignment(youth_id=youth.id, contact_id=contact.id))
