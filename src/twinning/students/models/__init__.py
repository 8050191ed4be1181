"""Students, positions, job fairs and the embassy's outreach."""

from twinning.students.models.fairs import (
    Booth,
    EmployerNote,
    FairRegistration,
    Interview,
    JobFair,
    Preference,
    Shortlist,
)
from twinning.students.models.outreach import StudentInvitation, WelfareAnswer, WelfareCheck
from twinning.students.models.positions import Position, PositionFeedback
from twinning.students.models.registry import CvRelease, CvView, Student, StudentConsent

__all__ = [
    "Booth",
    "CvRelease",
    "CvView",
    "EmployerNote",
    "FairRegistration",
    "Interview",
    "JobFair",
    "Position",
    "PositionFeedback",
    "Preference",
    "Shortlist",
    "Student",
    "StudentConsent",
    "StudentInvitation",
    "WelfareAnswer",
    "WelfareCheck",
]
