from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "twinning.students"
    label = "students"
    verbose_name = _("Students and job fairs")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.students import selectors, services

        registry.register_panel(
            page="dashboard", name="students", order=15,
            template="students/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        # Rows go with the account by cascade; the CV file on disk needs removing on its own.
        registry.register_deletion_hook(name="students", hook=services.student_erase_files_of)
