"""The park report: one standalone HTML page (inline CSS, inline SVG charts, no scripts) that an
expert hands to the park — who was spoken to, the shared interests, the projects and their
business cases, the organisatiegraad with its history, and the organisation advice.

It prints well: every section starts on a new page, the park's name, the date and the author
are on every page (a fixed running header repeats on each printed page), and the bars and lines
keep their colours (``print-color-adjust: exact``). Contact persons are named only for callers
who may see personal data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from sqlmodel import Session

from backend.assessments import service as assessment_service
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.parks.service import Park
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service

L: dict[str, tuple[str, str]] = {
    "title": ("Parkrapport", "Park report"),
    "made_by": ("Opgesteld door", "Prepared by"),
    "on": ("op", "on"),
    "inventory": ("1. Wie we spraken", "1. Who we spoke to"),
    "shared": ("2. Gedeelde belangen", "2. Shared interests"),
    "projects": ("3. Projecten", "3. Projects"),
    "organisatiegraad": ("4. Organisatiegraad", "4. Degree of organisation"),
    "advice": ("5. Organisatievorm", "5. Organisation form"),
    "name": ("Naam", "Name"),
    "kind": ("Soort", "Kind"),
    "role": ("Rol", "Role"),
    "contact_person": ("Contactpersoon", "Contact person"),
    "conversations": ("Gesprekken", "Conversations"),
    "last": ("Laatste", "Last"),
    "theme": ("Thema", "Theme"),
    "stakeholders": ("Betrokkenen", "Stakeholders"),
    "score": ("Score", "Score"),
    "phase": ("Fase", "Phase"),
    "themes": ("Thema's", "Themes"),
    "participants": ("Deelnemers", "Participants"),
    "net_investment": ("Netto-investering", "Net investment"),
    "yearly": ("Netto voordeel per jaar", "Net benefit per year"),
    "payback": ("Terugverdientijd", "Payback time"),
    "years": ("jaar", "years"),
    "never": ("verdient zich niet terug", "never pays back"),
    "npv": ("Netto contante waarde", "Net present value"),
    "no_case": ("Nog geen businesscase.", "No business case yet."),
    "none_yet": ("Nog niets vastgelegd.", "Nothing recorded yet."),
    "level": ("Niveau", "Level"),
    "component": ("Onderdeel", "Component"),
    "points": ("Punten", "Points"),
    "why": ("Waarom", "Why"),
    "history": ("Verloop", "History"),
    "not_assessed": ("Nog niet gemeten.", "Not assessed yet."),
    "active": ("Actieve organisaties", "Active organisations"),
    "ranking": ("Advies: de passende vormen", "Advice: the fitting forms"),
    "blockers": ("Past nu niet omdat", "Does not fit now because"),
    "combination": ("Aanbevolen combinatie", "Recommended combination"),
    "path": ("De volgende stappen", "The next steps"),
    "hidden": (
        "Contactpersonen zijn weggelaten: uw account mag ze niet inzien.",
        "Contact persons are left out: your account may not see them.",
    ),
    "fictitious_note": ("Bron: Parkregie", "Source: Parkregie"),
}
PHASE_NAMES = {
    "idea": ("Idee", "Idea"),
    "exploration": ("Verkenning", "Exploration"),
    "business_case": ("Businesscase", "Business case"),
    "realisation": ("Realisatie", "Realisation"),
    "operation": ("Beheer", "Operation"),
    "stopped": ("Gestopt", "Stopped"),
}
KIND_NAMES = {
    "entrepreneur": ("Ondernemer", "Entrepreneur"),
    "property_owner": ("Vastgoedeigenaar", "Property owner"),
    "municipality": ("Gemeente", "Municipality"),
    "grid_operator": ("Netbeheerder", "Grid operator"),
    "financier": ("Financier", "Financier"),
    "park_manager": ("Parkmanager", "Park manager"),
    "province": ("Provincie", "Province"),
    "other": ("Anders", "Other"),
}
ROLE_NAMES = {
    "none": ("—", "—"),
    "member": ("Lid", "Member"),
    "core_team": ("Kernteam", "Core team"),
    "board": ("Bestuur", "Board"),
}

CSS = """
:root { --ink: #1d2a33; --muted: #5b6b76; --line: #d5dde2; --accent: #1f6f8b; --bar: #2a9d8f; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 960px; padding: 16px 24px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header.running { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap;
  border-bottom: 2px solid var(--accent); padding-bottom: 6px; margin-bottom: 16px;
  font-size: 9.5pt; color: var(--muted); }
header.running strong { color: var(--ink); font-size: 11pt; }
h1 { font-size: 20pt; margin: 8px 0 4px; }
h2 { font-size: 15pt; color: var(--accent); margin: 0 0 10px; }
h3 { font-size: 12pt; margin: 14px 0 4px; }
section { margin: 0 0 28px; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 10pt; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.muted { color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 6px; }
.figure { border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; }
.figure b { display: block; font-size: 12pt; }
.level { font-size: 14pt; font-weight: 700; }
ul { margin: 4px 0 8px 18px; padding: 0; }
svg { display: block; max-width: 100%; }
.wrap { overflow-x: auto; }
@media print {
  @page { size: A4; margin: 22mm 14mm 14mm; }
  body { max-width: none; padding: 0; }
  header.running { position: fixed; top: -16mm; left: 0; right: 0; margin: 0; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  tr, .figure, li { break-inside: avoid; }
  .wrap { overflow: visible; }
}
"""


def _t(key: str, language: str) -> str:
    nl, en = L[key]
    return nl if language == "nl" else en


def _name(table: dict[str, tuple[str, str]], code: str, language: str) -> str:
    pair = table.get(code)
    return (pair[0] if language == "nl" else pair[1]) if pair else code


def _eur(amount: Decimal | str, language: str) -> str:
    value = Decimal(amount)
    text = f"{abs(value):,.2f}"
    if language == "nl":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("−" if value < 0 else "") + "€ " + text


def _number(value: float, language: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if language == "nl" else text


def _date(d: date | None, language: str) -> str:
    if d is None:
        return "—"
    return d.strftime("%d-%m-%Y") if language == "nl" else d.isoformat()


def _svg_open(width: int, height: int, title: str, items: list[tuple[str, float]]) -> str:
    """An SVG chart's opening tag, named for screen readers with its title and every value
    (an image's texts are not read): "Gedeelde belangen: Energiehub 80; Glasvezel 45"."""
    label = f"{title}: " + "; ".join(f"{name} {value:.0f}" for name, value in items)
    return (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label, quote=True)}">'
    )


def _bars(items: list[tuple[str, float]], title: str) -> str:
    """Horizontal bars (0–100) as inline SVG."""
    row, width = 22, 640
    height = row * len(items) + 4
    parts = [_svg_open(width, height, title, items)]
    for i, (label, value) in enumerate(items):
        y = i * row + 2
        length = max(1.0, min(100.0, value)) * 3.6
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="11" fill="#1d2a33">{escape(label[:40])}</text>'
            f'<rect x="250" y="{y + 3}" width="{length:.1f}" height="14" fill="#2a9d8f" rx="2"/>'
            f'<text x="{256 + length:.1f}" y="{y + 14}" font-size="11" fill="#5b6b76">'
            f"{value:.0f}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _line(points: list[tuple[str, float]], title: str) -> str:
    """The score over time (0–100) as an inline SVG line with dots."""
    width, height, pad = 640, 180, 30
    if not points:
        return ""
    step = (width - 2 * pad) / max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pad + i * step, height - pad - (height - 2 * pad) * v / 100

    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    parts = [_svg_open(width, height, title, points)]
    for level in (20, 40, 60, 80):
        _, y = xy(0, level)
        parts.append(
            f'<line x1="{pad}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5dde2"/>'
            f'<text x="2" y="{y + 4:.1f}" font-size="9" fill="#5b6b76">{level}</text>'
        )
    parts.append(f'<polyline points="{path}" fill="none" stroke="#1f6f8b" stroke-width="2.5"/>')
    for (label, value), (x, y) in zip(points, coords, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1f6f8b"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" font-size="10" text-anchor="middle">'
            f"{value:.0f}</text>"
            f'<text x="{x:.1f}" y="{height - 8}" font-size="9" text-anchor="middle" '
            f'fill="#5b6b76">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _inventory(session: Session, park: Park, personal: bool, language: str) -> str:
    rows = stakeholder_service.report_rows(session, park.id, personal)
    out = [f"<section><h2>{_t('inventory', language)}</h2>"]
    if not rows:
        return out[0] + f"<p class='muted'>{_t('none_yet', language)}</p></section>"
    spoken = sum(1 for r in rows if r.contacts)
    out.append(
        f"<p>{spoken} / {len(rows)} "
        + ("betrokkenen gesproken." if language == "nl" else "stakeholders spoken to.")
        + "</p>"
    )
    if not personal:
        out.append(f"<p class='muted'>{_t('hidden', language)}</p>")
    head = [_t("name", language), _t("kind", language), _t("role", language)]
    if personal:
        head.append(_t("contact_person", language))
    # Wider than a phone: a focusable, named region, so the keyboard can scroll it.
    name = escape(_t("inventory", language), quote=True)
    out.append(f"<div class='wrap' tabindex='0' role='region' aria-label='{name}'>")
    out.append("<table><thead><tr>")
    out += [f"<th>{escape(h)}</th>" for h in head]
    out.append(
        f"<th class='num'>{_t('conversations', language)}</th>"
        f"<th class='num'>{_t('last', language)}</th></tr></thead><tbody>"
    )
    for r in rows:
        cells = [r.name, _name(KIND_NAMES, r.kind, language), _name(ROLE_NAMES, r.role, language)]
        if personal:
            cells.append(r.contact_name or "—")
        out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells))
        out.append(
            f"<td class='num'>{r.contacts}</td>"
            f"<td class='num'>{_date(r.last_contact, language)}</td></tr>"
        )
    out.append("</tbody></table></div></section>")
    return "".join(out)


def _shared(session: Session, park: Park, language: str) -> str:
    shared = interest_service.shared_interests(
        session, park.id, min_stakeholders=2, track=None, language=language
    )
    out = [f"<section><h2>{_t('shared', language)}</h2>"]
    if not shared.items:
        return out[0] + f"<p class='muted'>{_t('none_yet', language)}</p></section>"
    top = shared.items[:10]
    out.append(_bars([(i.theme_name, i.score) for i in top], _t("shared", language)))
    out.append(
        f"<table><thead><tr><th>{_t('theme', language)}</th>"
        f"<th class='num'>{_t('stakeholders', language)}</th>"
        f"<th class='num'>{_t('score', language)}</th></tr></thead><tbody>"
    )
    for i in top:
        covered = " ✓" if i.covered_by_project else ""
        out.append(
            f"<tr><td>{escape(i.theme_name)}{covered}<div class='muted'>"
            f"{escape(i.explanation)}</div></td><td class='num'>{i.stakeholder_count}</td>"
            f"<td class='num'>{i.score:.0f}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _projects(session: Session, park: Park, language: str) -> str:
    themes = {
        t.code: (t.name_nl if language == "nl" else t.name_en)
        for t in interest_service.all_themes(session)
    }
    summaries = project_service.park_project_summaries(session, park.id)
    out = [f"<section><h2>{_t('projects', language)}</h2>"]
    if not summaries:
        return out[0] + f"<p class='muted'>{_t('none_yet', language)}</p></section>"
    for s in summaries:
        project = project_service.get_project(session, s.id)
        people = project_service.participants_of(session, s.id)
        out.append(
            f"<h3>{escape(s.title)}</h3><p>{_t('phase', language)}: "
            f"<b>{_name(PHASE_NAMES, s.phase, language)}</b> · {_t('themes', language)}: "
            + escape(", ".join(themes.get(c, c) for c in s.theme_codes))
            + f" · {_t('participants', language)}: {len(people)}</p>"
        )
        case = project_service.find_business_case(session, project)
        if case is None:
            out.append(f"<p class='muted'>{_t('no_case', language)}</p>")
            continue
        f = project_service.business_case_public(session, project, case).figures
        if f.simple_payback_years is None:
            payback = _t("never", language)
        else:
            years = f"{f.simple_payback_years:.1f}"
            payback = (
                f"{years.replace('.', ',') if language == 'nl' else years} {_t('years', language)}"
            )
        out.append(
            "<div class='figures'>"
            f"<div class='figure'>{_t('net_investment', language)}"
            f"<b>{_eur(f.net_investment_eur, language)}</b></div>"
            f"<div class='figure'>{_t('yearly', language)}"
            f"<b>{_eur(f.yearly_net_benefit_eur, language)}</b></div>"
            f"<div class='figure'>{_t('payback', language)}<b>{payback}</b></div>"
            f"<div class='figure'>{_t('npv', language)}<b>{_eur(f.npv_eur, language)}</b></div>"
            "</div>"
        )
    out.append("</section>")
    return "".join(out)


def _organisatiegraad(session: Session, park: Park, language: str) -> str:
    out = [f"<section><h2>{_t('organisatiegraad', language)}</h2>"]
    latest = assessment_service.latest(session, park.id)
    if latest is None:
        return out[0] + f"<p class='muted'>{_t('not_assessed', language)}</p></section>"
    public = assessment_service.to_public(latest, language)
    out.append(
        f"<p class='level'>{_t('level', language)} {public.level}: {escape(public.level_name)} "
        f"({public.score:.0f}/100)</p><p>{escape(public.level_meaning)}</p>"
    )
    history = assessment_service.history(session, park.id)
    out.append(f"<h3>{_t('history', language)}</h3>")
    out.append(
        _line(
            [(_date(at.date(), language), float(score)) for at, score, _ in history],
            _t("history", language),
        )
    )
    out.append(
        f"<table><thead><tr><th>{_t('component', language)}</th>"
        f"<th class='num'>{_t('points', language)}</th><th>{_t('why', language)}</th>"
        "</tr></thead><tbody>"
    )
    for c in public.components:
        out.append(
            f"<tr><td>{escape(c.name)}</td><td class='num'>{_number(c.points, language)} / "
            f"{c.max_points}</td>"
            f"<td>{escape(c.explanation)}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return "".join(out)


def _advice(session: Session, park: Park, language: str) -> str:
    out = [f"<section><h2>{_t('advice', language)}</h2>"]
    active = organisation_service.park_organisation_summaries(session, park.id)
    out.append(f"<h3>{_t('active', language)}</h3>")
    if active:
        out.append(
            "<ul>"
            + "".join(f"<li>{escape(o.name)} ({escape(o.form)})</li>" for o in active)
            + "</ul>"
        )
    else:
        out.append(f"<p class='muted'>{_t('none_yet', language)}</p>")
    advice = organisation_service.organisation_advice(session, park, None, language)
    out.append(f"<h3>{_t('ranking', language)}</h3><ol>")
    for r in advice.recommendations[:3]:
        reasons = "".join(
            f"<li>{escape(x.text)} <span class='muted'>({escape(x.source_label)})</span></li>"
            for x in r.reasons
        )
        blockers = "".join(
            f"<li>{escape(x.text)} <span class='muted'>({escape(x.source_label)})</span></li>"
            for x in r.blockers
        )
        out.append(f"<li><b>{escape(r.name)}</b> — {r.score}/100<ul>{reasons}</ul>")
        if blockers:
            out.append(f"<p>{_t('blockers', language)}:</p><ul>{blockers}</ul>")
        out.append("</li>")
    out.append("</ol>")
    out.append(
        f"<h3>{_t('combination', language)}</h3><p>{escape(advice.combination.rationale)}</p>"
    )
    out.append(f"<h3>{_t('path', language)}</h3><ol>")
    for step in advice.path:
        done = " ✓" if step.done else ""
        needs = "".join(f"<li>{escape(x)}</li>" for x in step.requires)
        out.append(
            f"<li>{escape(step.text)}{done}" + (f"<ul>{needs}</ul>" if needs else "") + "</li>"
        )
    out.append("</ol></section>")
    return "".join(out)


def render(
    session: Session, park: Park, *, personal: bool, author: str, language: str, today: date
) -> str:
    sections: list[Any] = [
        _inventory(session, park, personal, language),
        _shared(session, park, language),
        _projects(session, park, language),
        _organisatiegraad(session, park, language),
        _advice(session, park, language),
    ]
    title = f"{_t('title', language)} {park.name}"
    running = (
        f"<header class='running'><span><strong>{escape(park.name)}</strong> · "
        f"{escape(park.municipality)}</span><span>{_t('made_by', language)} {escape(author)} "
        f"{_t('on', language)} {_date(today, language)}</span></header>"
    )
    return (
        f"<!doctype html><html lang='{language}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{running}"
        f"<h1>{escape(title)}</h1>{''.join(sections)}</body></html>"
    )
