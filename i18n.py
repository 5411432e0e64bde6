"""The page's language: each catalogue loaded once, and the page parts that depend only on the
language made once per language instead of on every request (see README, Performance)."""

from __future__ import annotations

import json
from functools import cached_property

from flask import Flask, current_app, g, request
from flask_babel import force_locale, get_translations
from markupsafe import escape

from credcheck.text import Text

LANGUAGES = {"en": "English", "ko": "한국어"}
COOKIE = "lang"


class Language:
    """One language of the page: its gettext, and the words and markup it alone decides."""

    def __init__(self, code: str, translations) -> None:
        self.code = code
        self.gettext = translations.gettext
        self.ngettext = translations.ngettext
        # field name -> options markup; the choices are the form class's, the same for everyone
        self._options: dict[str, str] = {}

    def translate(self, value) -> str:
        """Domain words (str msgids or Text) in this language; '' for nothing."""
        if isinstance(value, Text):
            return value.render(self.gettext)
        return self.gettext(value) if value else ""

    @cached_property
    def script_words(self) -> str:
        """The words app.js shows, as JSON (the script has no catalogue of its own)."""
        _ = self.gettext
        return json.dumps(
            {
                "copied": _("Copied ✓"),
                "copyFailed": _("Copy failed: select and copy by hand"),
                "show": _("Show"),
                "hide": _("Hide"),
                "checking": _("Checking…"),
                "filled": _("Filled the fields from the pasted text."),
                "filledProfile": _("Filled the fields from profile %(name)s."),
                "several": _("Several profiles: %(names)s. Type one under Profile."),
                "none": _(
                    "No credentials recognised yet: the server will say more when you check."
                ),
            },
            ensure_ascii=False,
        )

    def select_options(self, field) -> str:
        """A select's optgroups and options, translated, none selected; made once per field."""
        found = self._options.get(field.name)
        if found is None:
            groups = []
            for group, choices in field.iter_groups():
                options = "".join(
                    f'<option value="{escape(c.value)}">{escape(self.translate(c.label))}</option>'
                    for c in choices
                )
                groups.append(
                    f'<optgroup label="{escape(self.translate(group))}">{options}</optgroup>'
                )
            found = self._options[field.name] = "".join(groups)
        return found


def init_app(app: Flask) -> None:
    """Load every catalogue now, through Flask-Babel (its directories, its fallbacks)."""
    loaded = {}
    with app.app_context():
        for code in LANGUAGES:
            with force_locale(code):
                loaded[code] = Language(code, get_translations())
    app.extensions["languages"] = loaded
    app.context_processor(template_context)


def template_context() -> dict:
    """Every template gets the request's language."""
    return {"language": current()}


def chosen_code() -> str:
    """The visitor's choice (cookie), else the best match for Accept-Language, else English."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or "en"


def current() -> Language:
    """This request's language, decided once."""
    found = g.get("language")
    if found is None:
        found = g.language = current_app.extensions["languages"][chosen_code()]
    return found
