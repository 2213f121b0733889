"""A realistic demo programme for the five demo municipalities (texts in several languages)."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from meedoen.activities import signups
from meedoen.activities.models import (
    AMSTERDAM,
    Activity,
    ActivitySeries,
    ActivityStatus,
    ActivityText,
    Transport,
)
from meedoen.activities.services import occurrence_starts
from meedoen.auth.models import Role, User
from meedoen.extensions import db
from meedoen.places.models import Municipality

FOOTBALL = {
    "nl": ("Voetbaltraining", "Elke dinsdag trainen we samen op het veld van VV De Meer. "
           "Iedereen is welkom, ook als je nog nooit gespeeld hebt. Neem sportschoenen mee."),
    "en": ("Football training", "Every Tuesday we train together on the pitch of VV De Meer. "
           "Everyone is welcome, also if you have never played. Bring sports shoes."),
    "ar": ("تدريب كرة القدم", "كل يوم ثلاثاء نتدرب معًا في ملعب نادي De Meer. "
           "الجميع مرحب بهم، حتى لو لم تلعب من قبل. أحضر حذاءً رياضيًا."),
    "ti": ("ልምምድ ኩዖ እግሪ", "ኩሉ ሰሉስ ኣብ ሜዳ VV De Meer ብሓባር ንለማመድ። "
           "ኩሉ ሰብ እንቋዕ ብደሓን መጻእኩም፣ ዋላ ቅድሚ ሕጂ ተጻዊትካ እንተዘይትፈልጥ። ናይ ስፖርት ጫማ ሒዝካ ምጻእ።"),
}
VOLLEYBALL = {
    "nl": ("Volleybal voor beginners", "Om de week op donderdagavond in sporthal De Hoeven. "
           "We spelen in gemengde teams en leggen de regels rustig uit."),
    "fa": ("والیبال برای مبتدی‌ها", "هر دو هفته یک بار، پنجشنبه شب در سالن ورزشی De Hoeven. "
           "در تیم‌های مختلط بازی می‌کنیم و قوانین را آرام توضیح می‌دهیم."),
    "en": ("Volleyball for beginners", "Every other Thursday evening in sports hall De Hoeven. "
           "We play in mixed teams and explain the rules calmly."),
}
TALENT_SHOW = {
    "nl": ("Talentenshow", "Zing, dans, rap of vertel een verhaal: laat zien wat je kunt! "
           "Opgeven om op te treden kan bij je mentor. Kijken mag natuurlijk ook."),
    "so": ("Bandhigga hibada", "Hees, qoob-ka-ciyaar, raab ama sheeko sheeg: tus waxaad "
           "kartid! Si aad u qayb qaadato la hadal kaaliyahaaga. Daawasho sidoo kale waa "
           "la ogol yahay."),
    "ar": ("عرض المواهب", "غنِّ، ارقص، أدِّ الراب أو احكِ قصة: أرِنا ما تستطيع! "
           "للمشاركة في العرض تحدث مع مرشدك. ويمكنك أيضًا الحضور للمشاهدة."),
    "en": ("Talent show", "Sing, dance, rap or tell a story: show what you can do! "
           "Ask your mentor to perform. Coming to watch is fine too."),
}
CULTURE_EVENING = {
    "nl": ("Cultuuravond: laat je cultuur zien", "Jongeren vertellen over hun land, muziek "
           "en gewoontes. Neem iets mee om te laten zien of te proeven."),
    "ar": ("أمسية ثقافية: عرّف بثقافتك", "يتحدث الشباب عن بلادهم وموسيقاهم وعاداتهم. "
           "أحضر شيئًا لتعرضه أو ليتذوقه الآخرون."),
    "ti": ("ምሸት ባህሊ፡ ባህልኻ ኣርኢ", "መንእሰያት ብዛዕባ ሃገሮም፣ ሙዚቃኦምን ልምድታቶምን የዕልሉ። "
           "ዘርእዮ ወይ ዝጥዓም ነገር ሒዝካ ምጻእ።"),
    "fa": ("شب فرهنگی: فرهنگت را نشان بده", "جوانان درباره کشور، موسیقی و رسم‌هایشان "
           "صحبت می‌کنند. چیزی برای نشان دادن یا چشیدن با خودت بیاور."),
}
COOKING = {
    "nl": ("Kookavond", "Samen koken en eten in het buurthuis. Deze week: gerechten uit "
           "Eritrea en Syrië. Je leert ook Nederlandse woorden voor in de keuken."),
    "ar": ("أمسية طبخ", "نطبخ ونأكل معًا في مركز الحي. هذا الأسبوع: أطباق من إريتريا "
           "وسوريا. وتتعلم أيضًا كلمات هولندية للمطبخ."),
    "so": ("Habeenka cunto karinta", "Wadajir u karsanno oo wadajir u cunno xarunta xaafadda. "
           "Toddobaadkan: cuntooyin ka yimid Eritrea iyo Suuriya. Waxaad sidoo kale baran "
           "doontaa erayo Nederlandes ah oo jikada ah."),
}
TOURNAMENT = {
    "nl": ("Provinciaal voetbaltoernooi", "Teams van jongeren uit heel de provincie spelen "
           "tegen elkaar. We halen je op bij je woning en rijden samen terug."),
    "en": ("Provincial football tournament", "Youth teams from the whole province play "
           "against each other. We pick you up at your home and drive back together."),
    "ti": ("ውድድር ኩዖ እግሪ ኣውራጃ", "ጋንታታት መንእሰያት ካብ መላእ ኣውራጃ ይጻወቱ። "
           "ካብ ገዛኻ ከነልዕለካ ኢና፣ ብሓባር ድማ ክንምለስ ኢና።"),
    "ar": ("بطولة كرة القدم في المقاطعة", "فرق من الشباب من كل المقاطعة تلعب ضد بعضها. "
           "نأخذك من بيتك ونعود معًا."),
    "so": ("Tartanka kubadda cagta ee gobolka", "Kooxaha dhallinyarada ee gobolka oo dhan "
           "ayaa is ciyaaraya. Gurigaaga ayaan kaa soo qaadaynaa, wadajirna waan ku "
           "soo laabanaynaa."),
}
LANGUAGE_CAFE = {
    "nl": ("Taalcafé", "Oefen Nederlands met vrijwilligers, met koffie en thee. "
           "Elk niveau is welkom."),
    "fa": ("کافه زبان", "با داوطلبان هلندی تمرین کن، با قهوه و چای. همه سطح‌ها خوش آمدند."),
    "en": ("Language café", "Practise Dutch with volunteers, with coffee and tea. "
           "Every level is welcome."),
}

# municipality, texts, category, weekday, start, hours, every_weeks (None: once), settings
PROGRAMME = (
    ("Amsterdam", FOOTBALL, "sport", 1, time(18, 30), 1.5, 1,
     {"venue_name": "Sportpark De Meer", "venue_address": "Radioweg 64, Amsterdam",
      "capacity": 20, "beginner_friendly": True, "transport": Transport.TOGETHER,
      "languages": ["nl", "en", "ar", "ti"], "organiser": "VV De Meer",
      "contact_name": "Coach Mehmet", "min_age": 16, "max_age": 21}),
    ("Tilburg", VOLLEYBALL, "sport", 3, time(19, 0), 1.5, 2,
     {"venue_name": "Sporthal De Hoeven", "venue_address": "Hoevenseweg 2, Tilburg",
      "capacity": 16, "beginner_friendly": True, "languages": ["nl", "fa", "en"],
      "organiser": "Jongerenwerk Tilburg"}),
    ("Groningen", TALENT_SHOW, "talent_show", 5, time(19, 0), 3, None,
     {"venue_name": "Het Oude Postkantoor", "venue_address": "Munnekeholm 1, Groningen",
      "capacity": 80, "languages": ["nl", "en", "so", "ar"],
      "organiser": "Jongerenwerk Groningen"}),
    ("Amsterdam", CULTURE_EVENING, "culture_evening", 4, time(18, 0), 3.5, None,
     {"venue_name": "Buurthuis De Meeuw", "venue_address": "Meeuwenlaan 88, Amsterdam",
      "capacity": 40, "languages": ["nl", "ar", "ti", "fa"],
      "organiser": "Stichting Nieuwe Buren"}),
    ("Schouwen-Duiveland", COOKING, "cooking", 2, time(17, 30), 3, None,
     {"venue_name": "Buurthuis Zierikzee", "venue_address": "Havenpark 12, Zierikzee",
      "capacity": 12, "cost_cents": 250,
      "support_note": "Het jeugdfonds van de gemeente betaalt als je dat vraagt.",
      "languages": ["nl", "ar", "so"], "organiser": "Vluchtelingenwerk Zeeland"}),
    ("Het Hogeland", TOURNAMENT, "sport", 5, time(10, 0), 6, None,
     {"venue_name": "Sportpark Winsum", "venue_address": "Schoolstraat 20, Winsum",
      "capacity": 60, "transport": Transport.PICK_UP, "languages": ["nl", "en", "ti", "so"],
      "organiser": "Voetbalbond Noord", "contact_name": "Jan de Vries"}),
    ("Tilburg", LANGUAGE_CAFE, "language_cafe", 0, time(19, 0), 2, 1,
     {"venue_name": "Bibliotheek LocHal", "venue_address": "Burgemeester Brokxlaan 1000, "
      "Tilburg", "beginner_friendly": True, "languages": ["nl", "fa", "en"],
      "organiser": "Bibliotheek Midden-Brabant"}),
)
SERIES_WEEKS = 8
DEMO_SIGNUPS = (("demo-youth", "Voetbaltraining"), ("demo-youth", "Cultuuravond: laat je "
                "cultuur zien"), ("demo-youth-ar", "Cultuuravond: laat je cultuur zien"),
                ("demo-youth-fa", "Volleybal voor beginners"), ("demo-youth-so", "Talentenshow"))


def next_weekday(weekday: int, at: time, today: date) -> datetime:
    days = (weekday - today.weekday()) % 7 or 7
    return datetime.combine(today + timedelta(days=days), at, tzinfo=AMSTERDAM)


def _exists(municipality: Municipality, dutch_title: str) -> bool:
    return db.session.scalar(
        select(Activity.id).join(ActivityText)
        .where(Activity.municipality_id == municipality.id, ActivityText.language == "nl",
               ActivityText.title == dutch_title).limit(1)) is not None


def _add(municipality, texts, category, weekday, at, hours, every_weeks, settings, author):
    first = next_weekday(weekday, at, date.today())
    series = None
    starts = [first]
    if every_weeks:
        until = first.date() + timedelta(weeks=SERIES_WEEKS)
        series = ActivitySeries(municipality_id=municipality.id, every_weeks=every_weeks,
                                until=until)
        db.session.add(series)
        db.session.flush()
        starts = occurrence_starts(first, every_weeks, until)
    settings = dict(settings)
    languages = settings.pop("languages")
    for start in starts:
        activity = Activity(municipality_id=municipality.id, series_id=series and series.id,
                            created_by_id=author.id if author else None, category=category,
                            status=ActivityStatus.PUBLISHED, starts_at=start,
                            ends_at=start + timedelta(hours=hours), original_language="nl",
                            **settings)
        activity.languages = languages
        activity.texts = [ActivityText(language=lang, title=title, description=description)
                          for lang, (title, description) in texts.items()]
        db.session.add(activity)


def _sign_up_demo_youth() -> None:
    for username, title in DEMO_SIGNUPS:
        user = db.session.scalar(select(User).where(User.username == username))
        activity = user and db.session.scalar(
            select(Activity).join(ActivityText)
            .where(Activity.municipality_id == user.municipality_id,
                   ActivityText.language == "nl", ActivityText.title == title)
            .order_by(Activity.starts_at).limit(1))
        if activity is not None:
            signups.sign_up(user, activity)


def load_activities(password_hash: str) -> None:
    author = db.session.scalar(select(User).where(User.role == Role.YOUTH_WORKER)
                               .order_by(User.id).limit(1))
    added = False
    for name, texts, *rest in PROGRAMME:
        municipality = db.session.scalar(select(Municipality).where(Municipality.name == name))
        if municipality is None or _exists(municipality, texts["nl"][0]):
            continue
        _add(municipality, texts, *rest, author)
        added = True
    db.session.flush()
    if added:
        _sign_up_demo_youth()
