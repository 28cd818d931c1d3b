"""Security on every response: strict headers, a request size limit, and the write token check."""

from __future__ import annotations

import hmac

# No inline script or style anywhere: every script and stylesheet is a file under /static.
# img-src allows data: for the icons Swagger UI draws from data URLs; connect-src 'self' for htmx.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
# Bodies: reads carry none; an upload of a few documents fits in this (a cable is ~10 KB, a long
# article PDF a few MB). Larger ingests belong on the command line.
MAX_BODY_BYTES = 16 * 1024 * 1024
# URLs longer than this are refused before routing (a query is at most 2,000 characters).
MAX_URL_CHARS = 8192


class SecurityMiddleware:
    """Pure ASGI: adds the headers, refuses long URLs and bodies over MAX_BODY_BYTES with a 413."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        url_chars = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_chars > MAX_URL_CHARS:
            return await _refuse(send_with_headers, 414, "the URL is too long")
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                return await _refuse(send_with_headers, 400, "bad Content-Length header")
            if too_big:
                return await _refuse(send_with_headers, 413, f"the request body is over {self.max_body:,} bytes")

        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            await _refuse(send_with_headers, 413, f"the request body is over {self.max_body:,} bytes")


class BodyTooLarge(Exception):
    pass


async def _refuse(send, status: int, message: str) -> None:
    import json

    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def token_matches(header: str | None, token: str | None) -> bool:
    """`Authorization: Bearer <token>` against the configured token, in constant time."""
    if not token or not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())
