"""The JSON API for scripts: the same checks, catalogue and limits as the page."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from werkzeug.datastructures import MultiDict

from checks import run_check
from credcheck.keys import key_facts
from credcheck.partitions import DEFAULT_REGION, PARTITION_OF
from forms import CheckForm

api = Blueprint("api", __name__, url_prefix="/api/v1")

TEXT_FIELDS = ("access_key_id", "secret_access_key", "session_token", "region", "profile", "pasted")
FLAGS = ("lookup_alias", "confirm_canary")


def refuse(status: int, code: str, title: str, explanation: str, fields: dict | None = None):
    error = {"code": code, "title": title, "explanation": explanation}
    if fields:
        error["fields"] = fields
    return jsonify(ok=False, error=error), status


@api.post("/check")
def check():
    if request.mimetype != "application/json":
        return refuse(
            415, "UnsupportedMediaType", "Send JSON", "Use Content-Type: application/json."
        )
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return refuse(400, "InvalidJson", "The body is not a JSON object", "Send a JSON object.")
    wrong = [k for k in TEXT_FIELDS if body.get(k) is not None and not isinstance(body[k], str)]
    wrong += [k for k in FLAGS if body.get(k) is not None and not isinstance(body[k], bool)]
    if wrong:
        fields = {
            k: ["Must be a string." if k in TEXT_FIELDS else "Must be true or false."]
            for k in wrong
        }
        return refuse(400, "InvalidInput", "Some fields have the wrong type", "See fields.", fields)
    data = MultiDict({k: body[k] for k in TEXT_FIELDS if body.get(k)})
    data.setdefault("region", DEFAULT_REGION)
    data.update({k: "y" for k in FLAGS if body.get(k)})
    form = CheckForm(formdata=data, meta={"csrf": False})
    if not form.validate():
        code = "CanaryToken" if set(form.errors) == {"confirm_canary"} else "InvalidInput"
        fields = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        return refuse(400, code, "Nothing was sent to AWS", "See fields.", fields)
    result, alias = run_check(form)
    key = key_facts(form.access_key_id.data).as_dict()
    body = {"ok": result.ok, "key": key, "warnings": [str(w) for w in form.warnings]}
    if result.ok:
        body["identity"] = result.as_dict()
        if alias is not None:
            body["identity"]["alias"] = alias.alias
            body["identity"]["alias_note"] = str(alias.note)
    else:
        body["error"] = result.as_dict()
    return jsonify(body)


@api.get("/openapi.json")
def openapi():
    return jsonify(OPENAPI)


def _error_schema() -> dict:
    return {
        "type": "object",
        "required": ["ok", "error"],
        "properties": {
            "ok": {"type": "boolean", "const": False},
            "error": {
                "type": "object",
                "required": ["code", "title", "explanation"],
                "properties": {
                    "code": {"type": "string"},
                    "title": {"type": "string"},
                    "explanation": {"type": "string"},
                    "fields": {"type": "object"},
                },
            },
        },
    }


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


OPENAPI = {
    "openapi": "3.0.3",
    "info": {
        "title": "credcheck",
        "version": "1",
        "description": "Whose AWS credentials are these, and if they don't work, why not?",
    },
    "paths": {
        "/api/v1/check": {
            "post": {
                "summary": "Call STS GetCallerIdentity with exactly these credentials",
                "requestBody": {
                    "required": True,
                    **_json(
                        {
                            "type": "object",
                            "properties": {
                                "access_key_id": {
                                    "type": "string",
                                    "example": "AKIAIOSFODNN7EXAMPLE",
                                },
                                "secret_access_key": {"type": "string"},
                                "session_token": {"type": "string", "nullable": True},
                                "region": {
                                    "type": "string",
                                    "enum": sorted(PARTITION_OF),
                                    "default": DEFAULT_REGION,
                                },
                                "pasted": {"type": "string", "nullable": True},
                                "profile": {"type": "string", "nullable": True},
                                "lookup_alias": {"type": "boolean"},
                                "confirm_canary": {"type": "boolean"},
                            },
                        }
                    ),
                },
                "responses": {
                    "200": {
                        "description": "AWS answered, or could not be reached: ok says which",
                        **_json(
                            {
                                "type": "object",
                                "required": ["ok", "key"],
                                "properties": {
                                    "ok": {"type": "boolean"},
                                    "key": {"type": "object"},
                                    "identity": {"type": "object"},
                                    "error": {"type": "object"},
                                    "warnings": {"type": "array", "items": {"type": "string"}},
                                },
                            }
                        ),
                    },
                    **{
                        str(code): {"description": words, **_json(_error_schema())}
                        for code, words in (
                            (400, "Bad input: nothing was sent to AWS"),
                            (401, "Sign in needed"),
                            (403, "Not allowed"),
                            (413, "Body too large"),
                            (415, "Not JSON"),
                            (429, "Too many checks"),
                        )
                    },
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3", **_json({"type": "object"})}},
            }
        },
    },
}
