"""Machine translation: drafts for staff, coverage for those who manage texts, usage for admins.

The matrix app has no provider: a preview answers 200 with every language missing."""

from tests.authz import Case, by_role

PREVIEW = {"kind": "activity", "source": "nl", "targets": ["ar"],
           "texts": {"title": "Voetbal", "description": "<p>Kom</p>"}}


CASES = [
    Case("POST", "/api/v1/translation/preview",
         by_role(200, anonymous=401, youth=403), body=PREVIEW),
    Case("GET", "/api/v1/translation/coverage",
         by_role(200, anonymous=401, youth=403, contact=403)),
    Case("GET", "/api/v1/translation/usage", by_role(403, anonymous=401, admin=200)),
]
