"""gunicorn settings for `make serve`: threaded workers, all configurable from the environment."""

import os
import secrets
import sys

from access import exposure_problem

bind = [os.environ.get("CREDCHECK_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("CREDCHECK_WORKERS", "2"))
threads = int(os.environ.get("CREDCHECK_THREADS", "8"))
worker_class = "gthread"
# a check is bounded at about 6 s; in-flight checks finish after SIGTERM before workers exit
graceful_timeout = int(os.environ.get("CREDCHECK_GRACEFUL_TIMEOUT", "15"))
timeout = 30
accesslog = "-"
# the request line only: never the query string's neighbours, never a body
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms pid=%(p)s'
wsgi_app = "app:create_app()"

# one key for every worker of this launch, or CSRF tokens from one worker fail in the next
if not os.environ.get("FLASK_SECRET_KEY"):
    os.environ["FLASK_SECRET_KEY"] = secrets.token_hex(32)
    print("gunicorn.conf.py: FLASK_SECRET_KEY not set; made one for this launch", file=sys.stderr)


def on_starting(server):
    auth_mode = os.environ.get("FLASK_AUTH_MODE", "none")
    for address in server.cfg.bind:
        host = address.rsplit(":", 1)[0] if ":" in address else address
        problem = exposure_problem(host, auth_mode)
        if problem:
            print(f"credcheck: {problem}", file=sys.stderr)
            sys.exit(2)
