"""The layers of the backend, checked by a machine: the import-linter contracts in
pyproject.toml ([tool.importlinter]) must hold. The shared blocks (core, events, privacy,
i18n, audit) know no feature; features do not import each other's internals except the
listed, commented exceptions; every folder of backend/meedoen is in a layer."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
SHARED_BLOCKS = ("core", "events", "privacy", "i18n", "audit")


def contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return layers


def test_the_import_contracts_hold():
    done = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
    assert "participation builds on activities and on no other feature KEPT" in done.stdout


def test_the_shared_blocks_are_the_lowest_layers():
    layers = [set(layer.replace("|", " ").replace(":", " ").split())
              for layer in contract()["layers"]]
    below_the_features = set().union(*layers[-3:])
    assert set(SHARED_BLOCKS) <= below_the_features
    assert layers[-1] == {"core"}


def test_every_exception_is_one_named_import():
    """Each exception names one import, so the list is visible and can shrink; an exception
    that no longer happens fails the contract (unmatched_ignore_imports_alerting)."""
    ignored = contract()["ignore_imports"]
    wildcards = [line for line in ignored if "*" in line]
    assert wildcards == [], wildcards
    assert len(ignored) == len(set(ignored))
    assert contract().get("unmatched_ignore_imports_alerting", "error") == "error"
