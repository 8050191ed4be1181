"""Settings for Twinning, read from the environment.

Every value has a development default, except that with DEBUG=false a SECRET_KEY must be given:
production refuses to start on a guessable key.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def weak_secret_key(key: str) -> str:
    """Why ``key`` is too weak to sign sessions and reset links in production, or ""."""
    if len(key) < 50:
        return "it is shorter than 50 characters"
    if len(set(key)) < 5:
        return "it has fewer than 5 different characters"
    if key.startswith("django-insecure") or key.startswith("dev-only"):
        return "it is a development key"
    return ""


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - development only
elif not DEBUG and weak_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: {weak_secret_key(SECRET_KEY)}. Use 50+ random characters, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Links in e-mails and feeds; unset, they follow the host and port the request came to
# (twinning.core.site).
SITE_URL = os.environ.get("SITE_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves its Swagger UI from static files, not a CDN
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "twinning.core",
    "twinning.programmes",
    "twinning.organisations",
    "twinning.matching",
    "twinning.introductions",
    "twinning.events",
    "twinning.film",
    "twinning.visits",
    "twinning.outcomes",
    "twinning.students",
    "twinning.demo",
]

MIDDLEWARE = [
    "twinning.core.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "twinning.core.site.SiteUrlMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Input no view can take (a NUL, a body nested too deeply or too large): a readable 400.
    "twinning.core.inputs.RefuseBadInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "twinning.urls"
WSGI_APPLICATION = "twinning.wsgi.application"

# Django's renderer, with select boxes written in Python (core/renderers.py: the same markup).
FORM_RENDERER = "twinning.core.renderers.Renderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "twinning.core.context_processors.site",
                "twinning.programmes.context_processors.site_programme",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Background workers and the web process share the file: wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: refuses a password while its address and account are locked out.
    "twinning.core.lockout.PasswordAttemptsBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Personal links (students' RSVPs, welfare answers): checks a scoped token when asked, never
    # logs anyone in by itself (no sesame middleware).
    "sesame.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords for one address from one
# client IP lock that pair out for AXES_COOLOFF_MINUTES, the right password included; another
# account or another IP is unaffected. AXES_USERNAME_FAILURE_LIMIT wrong passwords for one
# address from any number of IPs lock the address out everywhere (guessing spread over many
# machines). The same limits count password-reset requests and every password typed again to
# confirm an act (an API token, deleting the account). Unlock early: admin "Access attempts", or
# `manage.py axes_reset_username <address>` (docs/security.md).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_USERNAME_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
# In this order: twinning.core.lockout.PasswordAttemptsHandler holds each to its own limit.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "twinning.core.lockout.attempt_username"
AXES_LOCKOUT_CALLABLE = "twinning.core.lockout.lockout_response"
AXES_HANDLER = "twinning.core.lockout.PasswordAttemptsHandler"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429  # Too Many Requests, on the page and in the API
# The cool-off runs from the lockout, not from the last attempt made while locked out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Successful sign-ins are not logged with their IP and browser (data minimisation); failures are.
AXES_DISABLE_ACCESS_LOG = True
# Behind a reverse proxy every request comes from the proxy: name the header it puts the
# client's address in (HTTP_X_REAL_IP with docs/deploy.md's nginx), or all clients share a lock.
AXES_IPWARE_META_PRECEDENCE_ORDER = (os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR"),)

LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date and time format per language, named in templates: see twinning/core/formats.
FORMAT_MODULE_PATH = ["twinning.core.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "var" / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "var" / "media"))
# Uploaded documents (film applications, CVs, evidence): outside MEDIA_ROOT, served only through
# views that check permission (core.files). "django" streams them from Python; behind nginx set
# PRIVATE_FILES_SERVER=nginx and an internal location (docs/deploy.md) so nginx sends the bytes.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", PROJECT_DIR / "var" / "private"))
PRIVATE_STORAGE_ROOT = str(PRIVATE_MEDIA_ROOT)
PRIVATE_STORAGE_SERVER = os.environ.get("PRIVATE_FILES_SERVER", "django")
PRIVATE_STORAGE_INTERNAL_URL = os.environ.get("PRIVATE_FILES_INTERNAL_URL", "/private-files/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

vars().update(dj_email_url.parse(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Twinning <noreply@twinning.local>")

# Background work. The database queue needs nothing more ("database", the default); "rq" puts
# the tasks on Redis (REDIS_URL), where any number of `manage.py rqworker` processes on any number
# of machines take them (docs/deploy.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
TASKS_QUEUE = os.environ.get("TASKS_QUEUE", "database")
if TASKS_QUEUE not in ("database", "rq"):
    raise ImproperlyConfigured("TASKS_QUEUE must be 'database' or 'rq'.")
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django_tasks_rq.RQBackend"
            if TASKS_QUEUE == "rq"
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}
if TASKS_QUEUE == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_QUEUE=rq needs REDIS_URL.")
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}

# Cache and sessions in Redis when REDIS_URL is set, so that web servers keep no state of their
# own; without it, each process caches in memory and sessions live in the database.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("CACHE_URL", REDIS_URL),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# A read replica for the read-only selectors marked @replica_reads (core.replica): reads there go
# to DATABASE_REPLICA_URL, every write and every other read to the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["twinning.core.replica.ReplicaRouter"]

# Media (logos) on S3-compatible storage when S3_BUCKET is set (AWS S3, MinIO, Ceph, ...);
# uploaded documents stay private on PRIVATE_MEDIA_ROOT either way.
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

PRIVACY_NOTICE_VERSION = "2026-11"

# Texts per background embedding task of a cold programme: the chunks that several workers
# take in parallel (docs/deploy.md, "Scale-out").
MATCHING_EMBED_CHUNK = int(os.environ.get("MATCHING_EMBED_CHUNK", 128))

# Students' CVs are private files (core.files); this is their size limit.
STUDENTS_CV_MAX_BYTES = int(os.environ.get("STUDENTS_CV_MAX_BYTES", 2 * 1024 * 1024))
# CVs and fair data (preferences, interviews, notes) are deleted this many days after a fair.
STUDENTS_RETENTION_DAYS = int(os.environ.get("STUDENTS_RETENTION_DAYS", 180))

# How long each kind of personal data is kept, in one place (docs/security.md, "Privacy").
# `manage.py enforce_retention` (daily; also the `enforce_retention` task) removes what is due.
RETENTION = {
    # CVs and fair data, this many days after the job fair ends.
    "cv_days_after_fair": STUDENTS_RETENTION_DAYS,
    # Accounts nobody signed in to for this long get a warning e-mail, then are deleted...
    "inactive_account_months": int(os.environ.get("RETENTION_INACTIVE_MONTHS", 24)),
    # ...this many days after the warning, unless the person signs in again meanwhile.
    "inactive_warning_days": int(os.environ.get("RETENTION_WARNING_DAYS", 30)),
    # Rejected film applications (with their documents) and rejected event registrations.
    "rejected_film_application_months": int(os.environ.get("RETENTION_REJECTED_FILM_MONTHS", 12)),
    "rejected_registration_months": int(
        os.environ.get("RETENTION_REJECTED_REGISTRATION_MONTHS", 6)
    ),
    # Sign-ups whose e-mailed link was never followed, and revoked API tokens.
    "unconfirmed_sign_up_days": int(os.environ.get("RETENTION_UNCONFIRMED_DAYS", 14)),
    "revoked_token_days": int(os.environ.get("RETENTION_REVOKED_TOKEN_DAYS", 30)),
}
# How long an invitation's or a welfare check's personal link works.
STUDENTS_LINK_DAYS = int(os.environ.get("STUDENTS_LINK_DAYS", 30))

# Browser features no page uses are switched off for the site and anything it embeds; the
# camera stays available to the site itself for the job fairs' check-in scanner.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "autoplay": [],
    "camera": ["self"],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}


# Content-Security-Policy (django-csp): scripts, styles and everything else from the site itself
# only; no inline script, no inline style, no eval (htmx's is switched off in base.html). Pictures
# may also be data: URLs (Bootstrap's icons) and come from the media storage when it is on S3.
def _media_origins() -> str:
    """Where logos come from when they are on S3: the endpoint, or AWS's bucket addresses."""
    bucket, region = os.environ.get("S3_BUCKET", ""), os.environ.get("S3_REGION", "")
    if not bucket or os.environ.get("S3_ENDPOINT_URL"):
        return os.environ.get("S3_ENDPOINT_URL", "")
    regional = f",https://{bucket}.s3.{region}.amazonaws.com" if region else ""
    return f"https://{bucket}.s3.amazonaws.com{regional}"


_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS", _media_origins())
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: htmx and the API's docs page take the token from the page.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Every line carries the request's id (X-Request-ID, made up when the proxy sends none);
# LOG_FORMAT=json writes one JSON object per line for a log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "twinning.core.observability.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "twinning.core.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": os.environ.get("LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "twinning.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "WARNING")},
    },
}
# The worker counts as alive while the oldest task waiting is younger than this (seconds).
HEALTH_QUEUE_MAX_WAIT = int(os.environ.get("HEALTH_QUEUE_MAX_WAIT", "300"))

# Months after a brokerage day when participants are asked what became of each meeting
# (manage.py send_follow_ups, run daily).
FOLLOW_UP_MONTHS = tuple(
    int(n) for n in os.environ.get("FOLLOW_UP_MONTHS", "3,6").split(",") if n.strip()
)
