from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "twinning.students"
    label = "students"
    verbose_name = _("Students and job fairs")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.outcomes.imports import Importer, register_importer
        from twinning.students import imports, privacy, selectors

        register_importer(
            Importer(kind="students", label=_("Students"), read=imports.read_rows,
                     run=imports.students_import)
        )  # fmt: skip

        registry.register_panel(
            page="dashboard", name="students", order=15,
            template="students/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_export(
            name="students", data=privacy.personal_data, files=privacy.personal_files
        )
        registry.register_retention(
            name="students.fair_data", label=_("CVs and job fair data"), run=privacy.fair_data_due
        )
        registry.register_consents(
            name="students", lines=privacy.consent_lines, withdraw=privacy.consent_withdraw_by_key
        )
