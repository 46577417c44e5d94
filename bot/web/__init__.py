"""Rounds' web process: one WSGI app on gunicorn serving each chat platform's routes, /healthz and /metrics."""
