"""The Celery application: `celery -A werkroute.celery worker` (REDIS_URL set) runs background tasks."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkroute.conf.dev")

app = Celery("werkroute")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
