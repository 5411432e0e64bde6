"""Words meant for a person, kept translatable: the domain speaks English msgids, the web layer
translates them where they are shown (gettext catalogues in translations/)."""

from __future__ import annotations

from dataclasses import dataclass


def N_(msgid: str) -> str:
    """Mark a constant for translation (pybabel extracts it); returns it unchanged."""
    return msgid


@dataclass(frozen=True)
class Text:
    """An English msgid with %(name)s values; str() gives the English sentence."""

    msgid: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, msgid: str, **params: object) -> Text:
        return cls(msgid, tuple(params.items()))

    def render(self, translate) -> str:
        """The sentence through translate (a gettext), values included (and translated)."""
        values = {k: v.render(translate) if isinstance(v, Text) else v for k, v in self.params}
        words = translate(self.msgid)
        return words % values if values else words

    def __str__(self) -> str:
        return self.render(lambda msgid: msgid)

    def __contains__(self, part: str) -> bool:
        return part in str(self)
