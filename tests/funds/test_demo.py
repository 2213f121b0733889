"""The demo funds (the Jeugdfonds, a municipal scheme for 18+, a gear voucher) in every demo
municipality, and two requests in Amsterdam; loading twice adds nothing."""

from meedoen.extensions import db
from meedoen.funds.models import Fund, RequestStatus, SupportRequest
from meedoen.places.models import Municipality
from sqlalchemy import func, select

from tests.ideas.test_demo import load_demo


def test_demo_funds_and_requests(app_ctx):
    load_demo()
    load_demo()
    municipalities = db.session.scalar(select(func.count()).select_from(Municipality))
    assert db.session.scalar(select(func.count()).select_from(Fund)) == 3 * municipalities
    names = set(db.session.scalars(select(Fund.name)))
    assert {"Jeugdfonds Sport & Cultuur", "Sportkledingbon Leergeld"} <= names
    assert any(name.startswith("Meedoenregeling") for name in names)
    statuses = sorted(db.session.scalars(select(SupportRequest.status)))
    assert statuses == [RequestStatus.APPLIED, RequestStatus.NEW]
