"""Newsroom settings: one module, deploy-specific values from the environment.

Defaults suit a laptop (SQLite, local-memory cache, DEBUG off unless asked for).
Every variable read here is listed in the README's table and in `.env.example`.
"""

from pathlib import Path

import environ
import PIL.Image
from django.templatetags.static import static
from django.utils.functional import lazy
from django_prose_editor.config import html_tags

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
# The container's own health check calls http://127.0.0.1:8000/healthz.
ALLOWED_HOSTS += [host for host in ("127.0.0.1", "localhost") if host not in ALLOWED_HOSTS]
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "simple_history",
    "sorl.thumbnail",
    "axes",
    "csp",
    "template_partials",
    # The read API's docs page renders from ninja's own static files only when it is here.
    "ninja",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # An anonymous reader's queries may read the replica (DATABASE_REPLICA_URL); before the
    # page cache, so a page rendered on a miss does too.
    "newsroom.middleware.ReplicaReadsMiddleware",
    # A NUL byte in the path or query string is a 400 before any query sees it.
    "newsroom.middleware.NulByteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 answers for every page, cached or fresh.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous readers' pages from the cache (articles/pagecache.py).
    "articles.pagecache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "articles.context_processors.hotline_banner",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASE_REPLICA_URL := env.str("DATABASE_REPLICA_URL", default=""):
    # A PostgreSQL streaming replica for anonymous readers' queries (newsroom/routers.py).
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    # A replica that does not answer costs a reader at most this, then the primary is read.
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL := env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            # A dead or black-holed Redis costs a fraction of a second, then pages are served
            # uncached for a few seconds (articles/cachesafe.py, issue #8).
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# sorl-thumbnail's key-value store, apart from Redis so a photo upload works with Redis down;
# per process is enough, rendition names are kept on the Photo row (issue #8).
CACHES["thumbnails"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "thumbnails",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes throttles password guessing on the admin login.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
# Lock a username from one address: an attacker cannot lock a journalist out everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_RESET_ON_SUCCESS = True
# AccessAttempt.username holds 255 characters; a longer one was a 500 on PostgreSQL.
AXES_USERNAME_CALLABLE = "articles.admin.login.axes_username"
# Django's default, /accounts/profile/, does not exist here (a login with an off-site
# ?next= landed there).
LOGIN_REDIRECT_URL = "admin:index"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # S3-compatible object storage for uploads (pip install newsroom[s3]); django-storages
    # reads AWS_S3_ENDPOINT_URL and the credentials from the environment itself.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    # Plain public URLs: a news site's photos are public, and pages and list cards are
    # kept for hours (a signed URL would expire inside a cached page after an hour).
    AWS_QUERYSTRING_AUTH = False
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Serve /media/ from Django when nothing else does (make run, a single docker compose host);
# turn off when a proxy, CDN or S3 serves the uploads.
NEWSROOM_SERVE_MEDIA = env.bool("NEWSROOM_SERVE_MEDIA", default=not AWS_STORAGE_BUCKET_NAME)
# Uploads (issue #8): a photo over either limit is refused, from its size and its header,
# before any pixel is decoded, and every stored original is re-encoded (articles/images.py).
NEWSROOM_MAX_UPLOAD_MB = env.int("NEWSROOM_MAX_UPLOAD_MB", default=10)
NEWSROOM_MAX_IMAGE_PIXELS = env.int("NEWSROOM_MAX_IMAGE_PIXELS", default=40_000_000)
# Pillow's own guard, set here so it holds in every process from startup, for any image
# opened anywhere (sorl-thumbnail included): it warns above the limit, refuses above twice it.
PIL.Image.MAX_IMAGE_PIXELS = NEWSROOM_MAX_IMAGE_PIXELS
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Django's default: a larger file waits in a temporary file, so fifty photos posted at once
# to the multi-upload don't sit in a worker's memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644

# Security. Production turns these on through the environment (see docker-compose.yml);
# check --deploy --fail-level WARNING passes with those values.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
# The load balancer's and the container's health checks speak plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Login lockout keys on the client's address (django-axes reads it through
    # django-ipware), or every reader would share the proxy's. One trusted proxy appends
    # the address it saw to X-Forwarded-For: that last hop is the client; earlier hops are
    # the client's own claim. ipware counts the proxies listed in the header: ours is not.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = 0
    IPWARE_STRICT = False  # "claimed, …, client" still yields its last hop
# The read API's rate limit counts per client address (articles/api/throttle.py): behind
# the proxy, X-Forwarded-For's last hop, as for the login lockout; else REMOTE_ADDR.
NINJA_NUM_PROXIES = 1 if env.bool("DJANGO_BEHIND_PROXY", default=False) else 0
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): reader pages run no inline script. The admin's
# rich-text editor loads its modules through an inline import map, so
# newsroom.middleware.CSPMiddleware allows inline scripts under /admin/ only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Said outright though default-src covers it: the read beacon (sendBeacon, issue #13)
        # and the admin's autosave post to this site only.
        "connect-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"] + env.list("DJANGO_CSP_IMG_SRC", default=[]),
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Newsroom
NEWSROOM_SITE_NAME = env.str("NEWSROOM_SITE_NAME", default="Newsroom")
NEWSROOM_SITE_URL = env.str("NEWSROOM_SITE_URL", default="http://127.0.0.1:8000")
NEWSROOM_PHOTO_WIDTHS = (480, 800, 1200)
# Crops cut around each photo's focal point when it is saved (articles/renditions.py): list
# cards at one ratio (templates/articles/_card.html), and the image shares show (og:image),
# the 1.91:1 that Facebook, Zalo and X show large.
NEWSROOM_CARD_RATIO = (3, 2)
NEWSROOM_CARD_WIDTHS = (480, 800)
NEWSROOM_SOCIAL_SIZE = (1200, 630)
# "Xem thêm": an article with hand-picked related articles shows those only; with this on,
# the automatic choice tops them up to six (articles/related.py).
NEWSROOM_RELATED_TOP_UP = env.bool("NEWSROOM_RELATED_TOP_UP", default=False)
# Longest a reader page stays in the page cache; edits refresh exactly what they touch
# (articles/invalidation.py), so this only bounds how late new articles join "Xem thêm".
# Off without a shared cache: local memory is per process, so the other web workers kept an
# unpublished article up for this long (issue #8; check --deploy warns, newsroom.W001).
NEWSROOM_PAGE_CACHE_SECONDS = env.int(
    "NEWSROOM_PAGE_CACHE_SECONDS", default=3600 if REDIS_URL else 0
)
# PostgreSQL: reader queries prepared once per connection (articles/prepared.py); 0 behind
# a pooler in transaction mode.
NEWSROOM_PREPARED_STATEMENTS = env.bool("NEWSROOM_PREPARED_STATEMENTS", default=True)

# The read API (/api/v1/): requests an anonymous client address may make, ninja's
# "count/period" (s, m, h, d), counted in the shared cache.
NEWSROOM_API_RATE = env.str("NEWSROOM_API_RATE", default="120/m")

# Taggit: tags are case-insensitive ("Hải Phòng" and "hải phòng" are one tag).
TAGGIT_CASE_INSENSITIVE = True

# sorl-thumbnail makes the photo renditions when a photo is saved, never in a reader's
# request; the WebP files' URLs are stored on the Photo row.
THUMBNAIL_FORMAT = "WEBP"
THUMBNAIL_QUALITY = 82
THUMBNAIL_PRESERVE_FORMAT = False
THUMBNAIL_CACHE = "thumbnails"


def _static_lazy(path):
    return lazy(static, str)(path)


# django-prose-editor: our photo node. Its JS is loaded with the editor; its processor
# tells the sanitiser which markup the node may leave in the body.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [_static_lazy("articles/prose-photo.js"), _static_lazy("articles/editor-vi.js")],
        "extensions": {
            "NewsPhoto": html_tags(["figure"], {"figure": ["data-photo-id", "class"]}),
        },
    }
]
