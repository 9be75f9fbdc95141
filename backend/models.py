"""Every table, imported once so that the metadata is complete (for Alembic and tests)."""

from backend.audit.models import AuditEvent
from backend.auth.models import LoginFailure, User
from backend.core.db import metadata
from backend.parks.models import Park
from backend.stakeholders.models import ContactMoment, Stakeholder

__all__ = ["AuditEvent", "ContactMoment", "LoginFailure", "Park", "Stakeholder", "User", "metadata"]
