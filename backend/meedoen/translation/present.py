"""The answers of the translation feature: a draft's preview, a municipality's coverage and
the characters used."""

from flask import current_app

from meedoen.i18n.texts import content_hash, fields_of, translation_status


def preview(provider: str | None, translations: dict[str, dict], missing: list[str]) -> dict:
    """PreviewOutSchema: a draft's machine translations and the languages left out."""
    return {"provider": provider, "translations": translations, "missing": missing}


def coverage_item(subject, obj, languages: set[str]) -> dict | None:
    """Which of ``languages`` an object is missing, machine translated in, or outdated in."""
    rows = subject.rows(obj)
    original_language = subject.original_language(obj)
    if original_language not in rows:
        return None
    current = content_hash(fields_of(rows[original_language], subject.fields))
    states = {lang: translation_status(lang, original_language, row, current)
              for lang, row in rows.items()}
    wanted = sorted(languages - {original_language})
    item = {"id": obj.id, "title": subject.label(obj),
            "missing": [lang for lang in wanted if lang not in rows],
            "machine": [lang for lang in wanted if states.get(lang) == "machine"],
            "outdated": [lang for lang, state in sorted(states.items()) if state == "outdated"]}
    return item if item["missing"] or item["outdated"] else None


def coverage(languages: set[str], items: dict[str, list[tuple[object, object]]]) -> dict:
    """``items``: per answer key, the (subject, object) pairs published in the municipality."""
    answer = {"languages": sorted(languages)}
    for key, pairs in items.items():
        answer[key] = [item for subject, obj in pairs
                       if (item := coverage_item(subject, obj, languages))]
    return answer


def usage(provider: str | None, today: int, months) -> dict:
    return {"provider": provider, "daily_limit": current_app.config["TRANSLATION_DAILY_CHARACTERS"],
            "today": today, "months": [{"month": m, "characters": int(c)} for m, c in months]}
