# Newsroom web image: slim Python, non-root, static files collected at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/app/media

WORKDIR /app
RUN groupadd --system newsroom && useradd --system --gid newsroom --home /app newsroom

COPY pyproject.toml README.md ./
COPY newsroom ./newsroom
COPY articles ./articles
RUN pip install ".[s3]"

COPY . .
# collectstatic needs settings but no database or secrets.
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown -R newsroom:newsroom /app/media /app/staticfiles

USER newsroom
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
# collectstatic again at start (a second): behind nginx, /app/staticfiles is a volume that
# Docker fills from the image only when it is new (docker-compose.yml).
CMD ["sh", "-c", "python manage.py collectstatic --noinput -v 0 && python manage.py migrate --noinput && exec gunicorn newsroom.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-3} --access-logfile -"]
