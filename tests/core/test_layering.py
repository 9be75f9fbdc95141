"""Which way dependencies run (README, "Layers"), checked on the source: a domain uses another
through its service (or its route dependencies), never its tables or its router, and no lower
layer imports a higher one."""

from __future__ import annotations

import ast
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2] / "backend"
# Lowest first. A domain's services may use the services of the domains before it.
DOMAINS = [
    "changes",
    "auth",
    "parks",
    "stakeholders",
    "interests",
    "surveys",
    "projects",
    "organisations",
    "assessments",
    "overview",
    "integrations",
]
TOP = {"main", "cli", "demo", "wiring", "models"}  # put the domains together; may use anything
GATE = {"backend.auth.policy", "backend.auth.deps"}  # who may do what: for every router and deps


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("backend"):
                continue
            if node.module.count(".") == 1:  # from backend.parks import service
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("backend")]
    return found


def _module_of(name: str) -> tuple[str, str] | None:
    """("parks", "service") for backend.parks.service[.anything]."""
    parts = name.split(".")
    if len(parts) >= 3 and parts[1] in DOMAINS:
        return parts[1], parts[2]
    if len(parts) == 2 and parts[1] in DOMAINS:
        return parts[1], ""
    return None


def violations() -> list[str]:
    out: list[str] = []
    for path in sorted(BACKEND.rglob("*.py")):
        rel = path.relative_to(BACKEND)
        top = rel.parts[0].removesuffix(".py")
        if top in TOP or top == "__init__":
            continue
        where = f"backend/{rel}"
        for line, name in _imports(path):
            target = _module_of(name)
            if top == "core":
                if name.startswith("backend.") and not name.startswith("backend.core"):
                    out.append(f"{where}:{line}: core imports {name}")
                continue
            if target is None:
                continue
            domain, module = target
            if domain == top:
                continue
            if module in ("models", "router"):
                out.append(f"{where}:{line}: imports {domain}'s {module} ({name})")
                continue
            is_web = rel.name in ("router.py", "deps.py")
            if any(name == g or name.startswith(g + ".") for g in GATE) and (
                is_web or top != "changes"
            ):
                continue
            if DOMAINS.index(domain) > DOMAINS.index(top):
                out.append(f"{where}:{line}: {top} (lower) imports {name} (higher)")
    return out


def test_domains_use_each_other_through_services_and_layers_point_down():
    found = violations()
    assert found == [], "layering broken:\n" + "\n".join(found)


def test_the_check_catches_what_it_should(tmp_path, monkeypatch):
    """The check itself: a table import across domains and an upward import are caught."""
    fake = tmp_path / "backend"
    for domain in ("core", "parks", "stakeholders"):
        (fake / domain).mkdir(parents=True)
    (fake / "core" / "x.py").write_text("from backend.parks import service\n")
    (fake / "parks" / "service.py").write_text("from backend.stakeholders import service\n")
    (fake / "stakeholders" / "service.py").write_text("from backend.parks.models import Park\n")
    monkeypatch.setitem(globals(), "BACKEND", fake)
    found = violations()
    assert len(found) == 3, found
    assert any("core imports" in f for f in found)
    assert any("(lower) imports" in f for f in found)
    assert any("parks's models" in f for f in found)
