"""Form controls as HTML, written here rather than through WTForms' widgets or Jinja macros:
both cost more per page than the whole AWS call (see README, Performance).

Secret fields never get a value: password inputs and the paste box are always written empty.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def _attrs(field, described: str) -> str:
    parts = [f'id="{escape(field.id)}" name="{escape(field.name)}"']
    if described:
        parts.append(f'aria-describedby="{escape(described)}"')
    if field.errors:
        parts.append('aria-invalid="true"')
    parts.extend(f'{escape(k)}="{escape(v)}"' for k, v in (field.render_kw or {}).items())
    return " ".join(parts)


def control(field, described: str, language) -> Markup:
    """The input, textarea or select for field, its words in language."""
    attrs = _attrs(field, described)
    kind = field.type
    if kind == "StringField":
        return Markup(f'<input type="text" {attrs} value="{escape(field.data or "")}">')
    if kind == "PasswordField":
        return Markup(f'<input type="password" {attrs} value="">')
    if kind == "SecretTextAreaField":
        return Markup(f"<textarea {attrs}></textarea>")
    if kind == "BooleanField":
        checked = " checked" if field.data else ""
        return Markup(f'<input type="checkbox" {attrs} value="y"{checked}>')
    if kind == "SelectField":
        # the options are the same for everyone in a language: made once, then only the
        # chosen one is marked
        chosen = f'value="{escape(field.data)}">'
        options = language.select_options(field).replace(chosen, chosen[:-1] + " selected>", 1)
        return Markup(f"<select {attrs}>{options}</select>")
    raise ValueError(f"no control for {kind}")
