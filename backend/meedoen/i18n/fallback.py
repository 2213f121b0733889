"""The one rule for showing a text that exists in several languages (activities,
ideas and their answers, contacts' "how I can help"): the language asked for, else
the original, else any there is. The answer says which language it is, whether it
fell back and which languages exist, so the app can say "shown in Dutch"."""

from collections.abc import Collection

from meedoen.core import fields
from meedoen.core.validation import Schema


def choose_language(available: Collection[str], original: str, wanted: str) -> str | None:
    return next((lang for lang in (wanted, original, *sorted(available)) if lang in available),
                None)


def language_fields(available: Collection[str], chosen: str | None, original: str,
                    wanted: str) -> dict:
    return {"language": chosen or original, "fallback": chosen != wanted,
            "original_language": original, "available_languages": sorted(available)}


class LanguageFieldsSchema(Schema):
    """What ``language_fields`` adds to a text: the base of every translated text's schema."""

    language = fields.String(metadata={"description": "The language this text is in"})
    fallback = fields.Boolean(metadata={"description": "True when not in the asked language"})
    original_language = fields.String()
    available_languages = fields.List(fields.String())
    translation = fields.String(metadata={
        "description": "original, human (typed by staff), machine (machine translated) or "
                       "outdated (made from an older version of the original)"})
    original = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "The text in its original language (with `language`), where the shown "
                       "text is machine translated or outdated: 'show the original'"})


class LocalizedTextSchema(LanguageFieldsSchema):
    """A title and description shown in one language (activities, ideas)."""

    title = fields.String()
    description = fields.String(metadata={"description": "Sanitised HTML: links and basic "
                                                         "formatting only"})
