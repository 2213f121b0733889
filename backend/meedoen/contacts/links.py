"""Ways to reach a contact, validated on input and turned into safe links on output.

Only phone numbers, e-mail addresses and https web addresses on a public host name
are accepted; the tel:, mailto: and WhatsApp links are built here, never taken from input.
"""

import ipaddress
import re
from urllib.parse import quote, urlsplit

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from meedoen.core.validation import Text

PHONE_SEPARATORS = re.compile(r"[\s().-]")
PHONE = re.compile(r"^\+?\d{3,15}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"[A-Za-z]{2,24}$")
HOST_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def normalise_phone(value: str) -> str:
    """'06 1234 5678' -> '+31612345678'; '0031 6 ...' -> '+316...'; short numbers stay (113)."""
    number = PHONE_SEPARATORS.sub("", value)
    if not PHONE.match(number):
        raise ValidationError(_l("Give a phone number with digits only, e.g. +31 6 1234 5678."))
    if number.startswith("00"):
        return "+" + number[2:]
    if number.startswith("0"):
        return "+31" + number[1:]
    return number


def normalise_whatsapp(value: str) -> str:
    number = normalise_phone(value)
    if not number.startswith("+") or len(number) < 9:
        raise ValidationError(_l("Give a mobile number for WhatsApp, e.g. +31 6 1234 5678."))
    return number


def check_email(value: str) -> str:
    if not EMAIL.match(value):
        raise ValidationError(_l("This is not a valid e-mail address."))
    return value


def check_website(value: str) -> str:
    """https only, on a public host name: no IP addresses, ports or user names."""
    error = ValidationError(_l("Give a web address that starts with https://, e.g. "
                               "https://www.example.nl."))
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise error from None
    host = (parts.hostname or "").rstrip(".")
    if (parts.scheme != "https" or parts.username or parts.password or port is not None
            or not _is_public_host_name(host) or "\\" in value):
        raise error
    return value


def _is_public_host_name(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return False
    except ValueError:
        pass
    labels = host.split(".")
    return (len(labels) >= 2 and labels[-1].isalpha() and host != "localhost"
            and all(HOST_LABEL.match(label) for label in labels))


class ReachField(Text):
    """A single-line Text passed through one of the checks above; empty ("" or spaces) and
    null both mean "none" and clear the field.

    ``_deserialize`` turns "" into None, and marshmallow runs a field's validators after it: a
    ``Length`` given None raised TypeError (a 500 for ``"phone": ""``). Validators therefore
    run only on a value, never on None.
    """

    def __init__(self, check, **kwargs):
        super().__init__(allow_none=True, **kwargs)
        self.check = check

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        return self.check(text) if text else None

    def _validate(self, value):
        if value is not None:
            super()._validate(value)


def reach_links(contact) -> dict:
    links = {}
    if contact.phone:
        links["phone"] = f"tel:{contact.phone}"
    if contact.whatsapp:
        links["whatsapp"] = f"https://wa.me/{contact.whatsapp.lstrip('+')}"
    if contact.email:
        links["email"] = f"mailto:{quote(contact.email, safe='@')}"
    if contact.website:
        links["website"] = contact.website
    return links
