"""Funds and requests for the funds tests and the authorization matrix."""

from meedoen.extensions import db
from meedoen.funds.models import Fund, RequestStatus, SupportRequest


def make_fund(municipality, **fields) -> Fund:
    values = {"name": "Jeugdfonds Sport & Cultuur", "min_age": 4, "max_age": 17,
              "max_cents_per_year": 45000, "apply_url": "https://jeugdfondssportencultuur.nl/",
              "grant_months": 12, **fields}
    kinds = values.pop("kinds", ["sport", "culture"])
    fund = Fund(municipality_id=municipality.id, kinds_text="", **values)
    fund.kinds = kinds
    db.session.add(fund)
    db.session.commit()
    return fund


def make_request(youth, **fields) -> SupportRequest:
    values = {"category": "sport", "club": "VV De Meer", "cost_cents": 24000,
              "cost_period": "year", "age": 17, "status": RequestStatus.NEW, **fields}
    request = SupportRequest(municipality_id=youth.municipality_id, youth_id=youth.id, **values)
    db.session.add(request)
    db.session.commit()
    return request


def fund_body(**overrides) -> dict:
    return {"name": "Sportkledingbon", "min_age": 4, "max_age": 21, "kinds": ["gear"],
            "max_cents_per_year": 7500, "apply_url": "https://www.leergeld.nl/", **overrides}


def request_body(**overrides) -> dict:
    return {"category": "sport", "club": "VV De Meer", "cost_cents": 24000,
            "cost_period": "year", "months": 12, "age": 17,
            "message": "Ik wil graag voetballen bij een club.", "language": "nl", **overrides}
