"""Operations routes: liveness and readiness answer everyone alike (load balancers have no
login) and say nothing about anyone. /metrics is outside /api/v1 (tests/ops/test_metrics.py)."""

from tests.authz import Case, by_role

CASES = [
    Case("GET", "/api/v1/health/live", by_role(200)),
    # The matrix's database is made by create_all(), not by the migrations: "not ready" (503,
    # failing: migrations) for every role alike (tests/ops/test_health.py tests ready = 200).
    Case("GET", "/api/v1/health/ready", by_role(503)),
]
