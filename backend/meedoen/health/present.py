"""The readiness answer: the overall status and which checks fail or are degraded."""


def readiness(checks: dict[str, dict]) -> dict:
    """ReadySchema: ``failing`` are required checks that fail (the answer is then 503),
    ``degraded`` optional ones; ``checks`` as ``ops.readiness.check_all`` found them."""
    failing = sorted(name for name, check in checks.items()
                     if not check["ok"] and check["required"])
    degraded = sorted(name for name, check in checks.items()
                      if not check["ok"] and not check["required"])
    status = "fail" if failing else ("degraded" if degraded else "ok")
    return {"status": status, "failing": failing, "degraded": degraded, "checks": checks}
