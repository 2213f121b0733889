from meedoen.extensions import db
from meedoen.wording.models import LanguageReviewer, WordingSuggestion

PLAIN = "Hello {name}"  # a text of the app with a placeholder; Tigrinya has it
SIMPLE = "Ideas"


def suggestion_body(msgid: str = PLAIN, text: str = "ሰላም {name}!", language: str = "ti"):
    return {"language": language, "msgid": msgid, "text": text}


def make_reviewer(user, language: str = "ti") -> LanguageReviewer:
    reviewer = LanguageReviewer(user_id=user.id, language=language)
    db.session.add(reviewer)
    db.session.commit()
    return reviewer


def make_suggestion(author, language: str = "ti", msgid: str = PLAIN,
                    text: str = "ሰላም {name}!") -> WordingSuggestion:
    suggestion = WordingSuggestion(author_id=author.id if author else None, language=language,
                                   msgid=msgid, current="ሰላም {name}", text=text)
    db.session.add(suggestion)
    db.session.commit()
    return suggestion
