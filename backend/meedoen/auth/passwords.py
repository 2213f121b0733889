"""argon2id password hashing (argon2-cffi defaults meet OWASP's minimum) and the rules a
new password must meet, after NIST SP 800-63B (section 3.1.1.2):

- 8 to 128 characters (Unicode code points; the schemas check the length). Spaces and
  every script are welcome; there are no composition rules ("a digit and a capital").
- Not only blank (spaces or invisible characters).
- Not on the list of common and breached passwords (``common_passwords.txt``), also
  with l33t spelling undone, separators left out or digits and symbols added at the
  start or end; not the app's own name.
- Not a sequence or a repetition (``abcdefgh``, ``98765432``, ``qwertyui``, ``abababab``,
  ``abcd1234``).
- Not the username or the display name, nor containing them.

Passwords are normalised to NFKC before hashing, so the same password typed as one or as
two code points (é, or e and a combining accent) is the same password.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import pairwise

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 128
APP_NAMES = ("meedoen",)
_hasher = PasswordHasher()
# Verifying against this keeps the time of a login for an unknown user like a real one.
_DUMMY_HASH = _hasher.hash("meedoen-timing-equaliser")

TOO_COMMON = "common"
BLANK = "blank"
PERSONAL = "personal"

# Rows of letters and digits people type as a "sequence" (both directions are checked).
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz", "01234567890",
    "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn",
    "qwertzuiop", "yxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)
LEET = str.maketrans({"@": "a", "4": "a", "8": "b", "(": "c", "3": "e", "6": "g", "1": "i",
                      "!": "i", "|": "l", "0": "o", "$": "s", "5": "s", "7": "t", "+": "t",
                      "2": "z"})
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("meedoen.auth").joinpath("common_passwords.txt").read_text()
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("# "))


def normalise(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def _fold(text: str) -> str:
    return normalise(text).casefold()


def _squash(text: str) -> str:
    """Letters and digits only: 'p a s s-w o r d' -> 'password'."""
    return "".join(ch for ch in _fold(text) if ch.isalnum())


def is_blank(text: str) -> bool:
    """Only whitespace and invisible characters (zero-width, format characters)."""
    return all(ch.isspace() or unicodedata.category(ch) in {"Cf", "Cc", "Zs", "Zl", "Zp"}
               for ch in text)


def is_common(password: str) -> bool:
    common = common_passwords()
    folded = _fold(password)
    variants = {folded, _squash(password), folded.translate(LEET),
                _squash(folded.translate(LEET))}
    variants |= {_EDGES.sub("", v) for v in list(variants)}
    if any(v in common for v in variants if v):
        return True
    return any(name in v for v in variants for name in APP_NAMES)


def _step(a: str, b: str):
    """How ``b`` follows ``a`` in a run: the same, next/previous code point, or the
    next key in one of SEQUENCES (forward or backward); None if it does not."""
    delta = ord(b) - ord(a)
    if abs(delta) <= 1:
        return ("ord", delta)
    for n, row in enumerate(SEQUENCES):
        i = row.find(a)
        while i != -1:
            if row[i + 1:i + 2] == b:
                return ("row", n, 1)
            if i and row[i - 1] == b:
                return ("row", n, -1)
            i = row.find(a, i + 1)
    return None


def is_pattern(password: str) -> bool:
    """A repeated short unit (``abababab``, ``12341234``) or at most two runs of a
    sequence or a repeated character (``abcdefgh``, ``qwertyui``, ``abcd1234``)."""
    text = _fold(password).replace(" ", "")
    if len(text) < 2:
        return True
    for unit in range(1, 5):
        if len(text) >= 2 * unit and text == (text[:unit] * len(text))[:len(text)]:
            return True
    runs, previous = 1, None
    for a, b in pairwise(text):
        step = _step(a, b)
        if step is not None and previous in (None, step):
            previous = step
            continue
        runs += 1  # a new run starts at b
        previous = None
    return runs <= 2


def _context_words(words: Iterable[str | None]) -> set[str]:
    found = set()
    for word in words:
        if not word:
            continue
        found.add(_squash(word))
        found.update(_squash(part) for part in re.split(r"[\W_]+", _fold(word)))
    return {w for w in found if w}


def is_personal(password: str, context: Iterable[str | None]) -> bool:
    """Equal to, or (for words of four or more characters) containing, a context word."""
    squashed = _squash(password)
    folded = _fold(password)
    for word in _context_words(context):
        if squashed == word:
            return True
        if len(word) >= 4 and (word in squashed or word in folded):
            return True
    return False


def password_problem(password: str, context: Iterable[str | None] = ()) -> str | None:
    """Why this new password is refused (BLANK, PERSONAL, TOO_COMMON), or None."""
    if is_blank(password):
        return BLANK
    if is_personal(password, context):
        return PERSONAL
    if is_common(password) or is_pattern(password):
        return TOO_COMMON
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(normalise(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Checks the NFKC form; a hash made before normalisation is checked as typed too."""
    candidates = [normalise(password)]
    if candidates[0] != password:
        candidates.append(password)
    ok = False
    for candidate in candidates:
        try:
            ok = _hasher.verify(password_hash or _DUMMY_HASH, candidate) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            ok = False
        if ok:
            break
    return ok


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
