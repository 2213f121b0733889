"""Demo funds in every demo municipality (the Jeugdfonds, a municipal scheme for 18+ and a
gear voucher) and two requests in Amsterdam: one waiting, one applied for. Runs after the
places and activities demos."""

from datetime import timedelta

from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.funds.models import (
    CostPeriod,
    Fund,
    RequestStatus,
    StepKind,
    SupportRequest,
    SupportStep,
)
from meedoen.places.models import Municipality


def fund_specs(municipality: Municipality) -> list[dict]:
    return [
        {"name": "Jeugdfonds Sport & Cultuur", "min_age": 4, "max_age": 17,
         "kinds": ["sport", "culture"], "max_cents_per_year": 45000,
         "apply_url": "https://jeugdfondssportencultuur.nl/", "grant_months": 12},
        {"name": f"Meedoenregeling {municipality.name} (18+)", "min_age": 18, "max_age": 30,
         "kinds": ["sport", "culture", "transport"], "max_cents_per_year": 30000,
         "apply_url": f"https://www.{municipality.slug}.nl/meedoen", "grant_months": 12},
        {"name": "Sportkledingbon Leergeld", "min_age": 4, "max_age": 21, "kinds": ["gear"],
         "max_cents_per_year": 7500, "apply_url": "https://www.leergeld.nl/",
         "grant_months": 12},
    ]


def ensure_funds(municipality: Municipality) -> None:
    for spec in fund_specs(municipality):
        exists = db.session.scalar(select(Fund.id).where(
            Fund.municipality_id == municipality.id, Fund.name == spec["name"]))
        if exists is None:
            fund = Fund(municipality_id=municipality.id, kinds_text="")
            for name, value in spec.items():
                setattr(fund, name, value)
            db.session.add(fund)
    db.session.flush()


def _user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def ensure_request(username: str, club: str, fund_name: str | None, days_ago: int,
                   message: tuple[str, str]) -> None:
    youth, worker = _user(username), _user("demo-worker")
    if youth is None or worker is None or db.session.scalar(select(SupportRequest.id).where(
            SupportRequest.youth_id == youth.id, SupportRequest.club == club)):
        return
    asked = utcnow() - timedelta(days=days_ago)
    request = SupportRequest(
        municipality_id=youth.municipality_id, youth_id=youth.id, category="sport", club=club,
        cost_cents=24000, cost_period=CostPeriod.YEAR, months=12, age=17, created_at=asked,
        last_step_at=asked, status=RequestStatus.NEW,
        steps=[SupportStep(author_id=youth.id, kind=StepKind.MESSAGE, language=message[0],
                           body=message[1], created_at=asked)])
    fund = db.session.scalar(select(Fund).where(Fund.municipality_id == youth.municipality_id,
                                                Fund.name == fund_name)) if fund_name else None
    if fund is not None:
        applied = asked + timedelta(days=2)
        request.status, request.fund_id, request.intermediary_id = (
            RequestStatus.APPLIED, fund.id, worker.id)
        request.last_step_at = applied
        request.steps.append(SupportStep(author_id=worker.id, kind=StepKind.APPLIED,
                                         language="nl", fund_id=fund.id, created_at=applied))
    db.session.add(request)


def load_funds(password_hash: str) -> None:
    for municipality in db.session.scalars(select(Municipality).order_by(Municipality.id)):
        ensure_funds(municipality)
    ensure_request("demo-youth-ar", "Voetbalclub AFC", "Jeugdfonds Sport & Cultuur", 5,
                   ("ar", "أريد أن ألعب كرة القدم في نادٍ. الاشتراك 240 يورو في السنة."))
    ensure_request("demo-youth", "Boksschool Oost", None, 9,
                   ("ti", "ኣብ ክለብ ቦክስ ክጽንበር እደሊ እየ።"))
