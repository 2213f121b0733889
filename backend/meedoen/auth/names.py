"""Rules for display names, which other people (minors among them) read.

- Not only invisible characters: whitespace, zero-width and other format characters,
  and the blank-looking letters (Hangul fillers, the blank Braille pattern).
- No bidirectional embedding, override or isolate characters (U+202A–U+202E,
  U+2066–U+2069): they turn text around ("Amal" + U+202E + "nimdA" reads "AmalAdmin")
  and can make a name look like another. The marks LRM, RLM and ALM are allowed inside
  a name, and so is ZWNJ (Persian needs it).
- Not pretending to be staff or the app: "Admin", "Moderator", "Jongerenwerker",
  "Mentor", "Meedoen" and the words for these roles in the shipped languages, compared
  after folding case, accents, wide and styled letters, look-alike Cyrillic and Greek
  letters and l33t digits, with digits and punctuation around them ignored. The app
  shows each person's real role itself.
"""

import re
import unicodedata

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Letters that render as nothing (Unicode's "default ignorable" letters and blanks).
BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")

# Words as folded by _fold(); a phrase of several words is written without spaces.
STAFF_WORDS = {
    # the app
    "meedoen", "meedoenapp", "meedoenteam",
    # en / nl
    "admin", "admins", "administrator", "sysadmin", "moderator", "moderators", "mod",
    "mentor", "mentors", "youthworker", "beheerder", "beheer", "jongerenwerker",
    "jongerenwerkster", "begeleider", "begeleidster",
    # fr
    "administrateur", "administratrice", "moderateur", "moderatrice", "mentore",
    "educateur", "educatrice",
    # tr
    "yonetici", "genclikcalisani", "gencliklecalisan",
    # so
    "maamule", "maamulaha", "maamulka",
    # ku (Kurmanji)
    "reveber", "revebir",
    # ar (also with the article)
    "ادمن", "الادمن", "المشرف", "المدير", "مدير", "مشرفالموقع", "مديرالموقع",
    # fa / ps (Arabic letters are folded: ی -> ي, ک -> ك)
    "ادمين", "اډمين",  # and مدير (above)
    # am / ti
    "አስተዳዳሪ", "ኣስተዳዳሪ", "አድሚን", "ኣድሚን",
}
# Long enough to refuse also at the start or end of a name written as one word
# ("AliAdmin", "MeedoenTeam"), but not inside one ("Badminton").
AFFIX_MIN = 5

# Look-alike letters (Cyrillic, Greek) that casefold does not turn into Latin.
CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l", "м": "m", "т": "t", "к": "k",
    "н": "h", "в": "b", "α": "a", "ε": "e", "ο": "o", "ρ": "p", "ι": "i", "ν": "v",
    "τ": "t", "κ": "k", "μ": "m", "η": "n", "ı": "i",
    # Arabic and Persian forms of the same letters
    "ی": "ي", "ى": "ي", "ک": "ك", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
})
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                      "@": "a", "$": "s", "!": "i", "|": "l"})
NOT_LETTERS = re.compile(r"[^\w]|[\d_]")


def is_invisible_only(name: str) -> bool:
    return all(ch.isspace() or ch in BLANK_LETTERS or
               unicodedata.category(ch) in {"Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp"}
               for ch in name)


def has_bidi_controls(name: str) -> bool:
    return bool(BIDI_CONTROLS.search(name))


def _fold(name: str) -> str:
    """Case, accents, wide and styled letters and look-alikes folded away."""
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch)
                   and unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", text).translate(CONFUSABLES)


def _words(text: str) -> list[str]:
    return [w for w in NOT_LETTERS.split(text) if w]


def _claims(words: list[str]) -> bool:
    joined = "".join(words)
    candidates = {joined, *words}
    # Arabic article: "المشرف" and "مشرف" alike.
    candidates |= {w[2:] for w in candidates if w.startswith("ال") and len(w) > 3}
    if candidates & STAFF_WORDS:
        return True
    return any(len(word) >= AFFIX_MIN and (joined.startswith(word) or joined.endswith(word))
               for word in STAFF_WORDS)


def claims_staff_role(name: str) -> bool:
    folded = _fold(name)
    # As written (digits are separators) and with l33t digits read as letters.
    return _claims(_words(folded)) or _claims(_words(folded.translate(LEET)))
