"""``python -m tests.pushservice``: run the loopback push service until stdin closes."""

import sys

from tests.pushservice import PushService

if __name__ == "__main__":
    service = PushService().start()
    print(service.port, flush=True)
    sys.stdin.read()  # the parent closes our stdin (or dies) to stop us
    service.stop()
