"""Every domain's service, imported once, so that the change handlers they register (see
backend/changes/service.py) are in place in every process: the app and the command line."""

from __future__ import annotations

from backend.assessments import service as assessment_service
from backend.auth import service as auth_service
from backend.integrations import webhooks as webhook_service
from backend.interests import service as interest_service
from backend.organisations import service as organisation_service
from backend.parks import service as park_service
from backend.projects import service as project_service
from backend.stakeholders import service as stakeholder_service
from backend.surveys import service as survey_service

__all__ = [
    "assessment_service",
    "auth_service",
    "interest_service",
    "organisation_service",
    "park_service",
    "project_service",
    "stakeholder_service",
    "survey_service",
    "webhook_service",
]
