"""Background jobs of the outcomes app: thin django-tasks that take ids and call a service."""
