"""The thread is translated both ways, as questions are: the young person's Somali message
for the intermediary in Dutch, the intermediary's question for the young person in Somali."""

import pytest
from meedoen.notifications.dispatch import run_due_work

from tests.funds.helpers import request_body
from tests.translation.conftest import libretranslate_server, translating  # noqa: F401


@pytest.mark.usefixtures("translating")
def test_messages_are_read_in_the_readers_language(as_youth, as_worker):
    asked = as_youth.post("/api/v1/support-requests", json=request_body(
        language="so", message="Waxaan rabaa inaan ciyaaro."))
    request_id = asked.json["id"]
    as_worker.post(f"/api/v1/support-requests/{request_id}/steps",
                   json={"kind": "question", "body": "Hoe lang wil je spelen?", "language": "nl"})
    run_due_work()
    staff_view = as_worker.get(f"/api/v1/support-requests/{request_id}?lang=nl").json
    youth_message = staff_view["steps"][0]
    assert youth_message["body"] == "[nl] Waxaan rabaa inaan ciyaaro."
    assert youth_message["translation"] == "machine"
    assert youth_message["original"]["body"] == "Waxaan rabaa inaan ciyaaro."
    youth_view = as_youth.get(f"/api/v1/support-requests/{request_id}?lang=so").json
    assert youth_view["steps"][1]["body"] == "[so] Hoe lang wil je spelen?"
    assert youth_view["steps"][0]["translation"] == "original"
