from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


def _remove_cv_file(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A row's file is not removed with the row; deleting an account (core.user_delete cascades
    # to the student) must not leave the CV behind on disk.
    from twinning.students.services import student_erase_files

    student_erase_files(student=instance)


class StudentsConfig(AppConfig):
    name = "twinning.students"
    label = "students"
    verbose_name = _("Students and job fairs")

    def ready(self) -> None:
        from twinning.students.models import Student

        post_delete.connect(_remove_cv_file, sender=Student, dispatch_uid="students.cv_file")
