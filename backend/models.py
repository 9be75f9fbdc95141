"""Every table, imported once so that the metadata is complete (for Alembic and tests)."""

from backend.assessments.models import Assessment
from backend.auth.models import ApiClient, LoginThrottle, User
from backend.changes.models import AuditEvent, ChangeCounter, ChangeLogEntry
from backend.core.db import metadata
from backend.integrations.models import Webhook, WebhookDelivery
from backend.interests.models import Interest, Theme, ThemeSkip
from backend.organisations.models import Organisation, OrganisationAdvice
from backend.parks.models import Park
from backend.projects.models import BusinessCase, Participant, PhaseChange, Project
from backend.stakeholders.models import ContactMoment, Stakeholder
from backend.surveys.models import Invitation, Survey, SurveyResponse

__all__ = [
    "ApiClient",
    "Assessment",
    "AuditEvent",
    "BusinessCase",
    "ChangeCounter",
    "ChangeLogEntry",
    "ContactMoment",
    "Interest",
    "Invitation",
    "LoginThrottle",
    "Organisation",
    "OrganisationAdvice",
    "Park",
    "Participant",
    "PhaseChange",
    "Project",
    "Stakeholder",
    "Survey",
    "SurveyResponse",
    "Theme",
    "ThemeSkip",
    "User",
    "Webhook",
    "WebhookDelivery",
    "metadata",
]
