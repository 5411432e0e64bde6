"""The smallest WSGI app: what a round trip through gunicorn costs before any app runs."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]
