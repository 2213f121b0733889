"""The one language-fallback rule for texts written in several languages."""

from meedoen.i18n.fallback import choose_language, language_fields


def test_asked_language_then_original_then_any():
    assert choose_language({"nl", "ar", "ti"}, "nl", "ar") == "ar"
    assert choose_language({"nl", "ti"}, "nl", "ar") == "nl"
    assert choose_language({"ti", "fa"}, "nl", "ar") == "fa"  # the original was removed
    assert choose_language(set(), "nl", "ar") is None


def test_fields_say_which_language_and_whether_it_fell_back():
    assert language_fields({"nl", "ar"}, "ar", "nl", "ar") == {
        "language": "ar", "fallback": False, "original_language": "nl",
        "available_languages": ["ar", "nl"]}
    assert language_fields({"nl"}, "nl", "nl", "ti")["fallback"] is True
    assert language_fields(set(), None, "nl", "ti") == {
        "language": "nl", "fallback": True, "original_language": "nl",
        "available_languages": []}
