"""Settings for the union news desk, read from the environment (see README: Environment)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# Without DEBUG the site refuses to serve without a key (newsroom/serving.py); management
# commands that sign nothing, such as migrate, still run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The public address of the site, used in emails and signed preview links.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Our apps come first so that their templates may override the admin's.
    "unions",
    "articles",
    "photos",
    # planning before editorial: its admin index layer (My desk's assignments) goes on top.
    "planning",
    "editorial",
    "news",
    "search",
    "importer",
    "correspondents",
    "reporting",
    "sharing",
    "syndication",
    "demo",
    "proofing",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "axes",
    "csp",
    "imagekit",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.replicas.PublicReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsroom.middleware.RefuseNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must be last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# Database: SQLite under var/ unless DATABASE_URL names another (postgres://user@host/name).
# manage.py makes var/ when it is missing; importing settings writes nothing.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if env_bool("DATABASE_POOL"):
        # psycopg 3's connection pool; it replaces persistent connections. With health checks
        # each connection is checked as it leaves the pool: after a database restart the pool
        # would otherwise hand requests dead connections (500s) until it had cycled through them.
        DATABASES["default"]["OPTIONS"] = {"pool": True}
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
        DATABASES["default"]["CONN_MAX_AGE"] = 0
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: the planner's cost of a query with a correlated subquery per row (the
    # desk's counts) passes JIT's threshold, and compiling then took longer (0.4-0.8 s at 100k
    # stories) than running the query; a web request's queries never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}

# Read replicas (comma-separated URLs): the public site reads from them (newsroom/replicas.py).
DATABASE_REPLICAS = []
for number, url in enumerate(
    filter(None, os.environ.get("DATABASE_REPLICA_URLS", "").split(",")), start=1
):
    alias = f"replica{number}"
    where = dj_database_url.parse(url.strip())
    DATABASES[alias] = {
        **DATABASES["default"],  # same engine options, pool and connection lifetime
        **{key: where[key] for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")},
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["newsroom.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a login from a locked-out user or address before checking it.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): five failures lock the user for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# A user is locked from the address that failed, so a whole office behind one address is not.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Behind a reverse proxy every request comes from the proxy's address. List the proxies'
# addresses or networks in TRUSTED_PROXIES (e.g. 127.0.0.1,10.0.0.0/8): only requests from them
# have their X-Forwarded-For read, so a client cannot choose the address it is counted under.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "newsroom.login_throttle.client_ip"
AXES_USERNAME_CALLABLE = "newsroom.login_throttle.login_username"

# The desk and its readers work in Chinese: every page is in Simplified Chinese, whatever
# language a browser asks for (no LocaleMiddleware), so a phone set to English does not get
# English menus around Chinese news.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Copy uploaded for import, kept while it is parsed and imported: never served.
    "imports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("IMPORT_FILES_ROOT", str(BASE_DIR / "var" / "imports"))
        },
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsroom",
        # Django's 300 keys is less than a handful of list pages with their story cards
        # (news.cards): a full cache culls a third of its keys at each new one.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
}
if os.environ.get("CACHE_URL"):
    # A cache shared by all processes, e.g. redis://127.0.0.1:6379/1: needed with several
    # server processes, so that each sees a publication at once.
    # A Redis outage makes the site slower, not broken: the backend answers like an empty
    # cache until Redis is back (newsroom/resilient_cache.py), and gives up on a call quickly.
    CACHES["default"] = {
        "BACKEND": "newsroom.resilient_cache.ResilientRedisCache",
        "LOCATION": os.environ["CACHE_URL"],
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }

# Background work (Django's tasks API through the django-tasks backport): tasks are stored in
# the database and run by `python manage.py db_worker`, so no extra server is needed.
# TASKS_BACKEND=immediate runs them inside the request instead (tests, one-off scripts).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_BACKEND") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# Public pages are cached this long for anonymous readers; any change to the news clears them.
NEWS_PAGE_CACHE_SECONDS = int(os.environ.get("NEWS_PAGE_CACHE_SECONDS", "300"))
# After each change, the changed paths go to a reverse proxy or CDN (news/purge.py): a URL
# template with {path}, sent a PURGE request per path, and/or a command given the paths.
NEWS_PURGE_URL = os.environ.get("NEWS_PURGE_URL", "")
NEWS_PURGE_COMMAND = os.environ.get("NEWS_PURGE_COMMAND", "")

# Limits and lifetimes of the newsroom, defined only here: the apps read settings.X.
PREVIEW_LINK_MAX_AGE = int(os.environ.get("PREVIEW_LINK_MAX_AGE", str(3 * 24 * 3600)))  # seconds
PHOTO_MAX_BYTES = int(os.environ.get("PHOTO_MAX_BYTES", str(20 * 1024 * 1024)))
# 50 megapixels admits the 48 and 50 MP modes of today's phones; decoded, such a photo takes
# about 150 MB of memory, which is what bounds this limit.
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", str(50_000_000)))
# A transparent picture (a PNG graphic, not a phone photo) takes four bytes a pixel and a copy
# laid on white: a 49-megapixel one took 674 MB of a worker. 16 megapixels stays near a photo's.
PHOTO_MAX_PIXELS_WITH_ALPHA = int(os.environ.get("PHOTO_MAX_PIXELS_WITH_ALPHA", str(16_000_000)))
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))
IMPORT_MAX_REQUEST_BYTES = int(os.environ.get("IMPORT_MAX_REQUEST_BYTES", str(10 * 1024 * 1024)))
IMPORT_MAX_STORIES = int(os.environ.get("IMPORT_MAX_STORIES", "300"))
CORRESPONDENT_FILINGS_PER_DAY = int(os.environ.get("CORRESPONDENT_FILINGS_PER_DAY", "20"))

# Share cards (sharing): the CJK fonts they are drawn with; Debian's fonts-noto-cjk by default.
SHARE_CARD_FONT_SERIF = os.environ.get("SHARE_CARD_FONT_SERIF", "")
SHARE_CARD_FONT_SANS = os.environ.get("SHARE_CARD_FONT_SANS", "")

# The partners' ninjs API (syndication): requests a partner may make a minute (0: no limit).
SYNDICATION_RATE_LIMIT = int(os.environ.get("SYNDICATION_RATE_LIMIT", "120"))

# Email: the console in development; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# taggit: "AI" and "ai" name one theme: tag names are matched case-insensitively.
TAGGIT_CASE_INSENSITIVE = True
# Themes split on Chinese punctuation too, wherever they are typed (articles/themes.py).
TAGGIT_TAGS_FROM_STRING = "articles.themes.parse_themes"
TAGGIT_STRING_FROM_TAGS = "articles.themes.themes_to_string"

# Security headers. HTTPS settings follow SECURE_SSL (on behind a TLS proxy in production).
# Sessions live in the database (shared by every app server); SESSION_ENGINE=
# django.contrib.sessions.backends.cache keeps them in the shared cache (Redis) instead.
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if env_bool("SECURE_SSL"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "3600"))

# Content Security Policy (django-csp): our own scripts and styles only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # The admin sets a few inline style attributes.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", MEDIA_URL if MEDIA_URL.startswith("http") else SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
