"""argon2id password hashing (argon2-cffi defaults meet OWASP's minimum)."""

from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 128
_hasher = PasswordHasher()
# Verifying against this keeps the time of a login for an unknown user like a real one.
_DUMMY_HASH = _hasher.hash("meedoen-timing-equaliser")


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("meedoen.auth").joinpath("common_passwords.txt").read_text()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def is_common(password: str) -> bool:
    return password.lower() in common_passwords()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
