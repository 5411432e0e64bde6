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


def field(field, language, notes=()) -> Markup:
    """One field with its label, hint, control, errors and notes."""
    t = language.translate
    hint = f"{field.id}-hint" if field.description else ""
    errors = f"{field.id}-errors" if field.errors else ""
    parts = [
        f'<div class="field{" field--error" if field.errors else ""}">',
        f'<label for="{escape(field.id)}">{escape(t(field.label.text))}</label>',
    ]
    if hint:
        parts.append(f'<p class="hint" id="{escape(hint)}">{escape(t(field.description))}</p>')
    parts.append(control(field, f"{hint} {errors}".strip(), language))
    if errors:
        items = "".join(f"<li>{escape(t(error))}</li>" for error in field.errors)
        parts.append(f'<ul class="errors" id="{escape(errors)}">{items}</ul>')
    parts.extend(f'<p class="note">{escape(t(note))}</p>' for note in notes)
    parts.append("</div>")
    return Markup("\n".join(parts))


def checkbox(field, language, described: str = "") -> Markup:
    """A checkbox followed by its label."""
    words = escape(language.translate(field.label.text))
    label = f'<label for="{escape(field.id)}">{words}</label>'
    return Markup(f"{control(field, described, language)}\n{label}")
