"""Loading the spaCy French pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

DEFAULT_MODEL = "fr_core_news_md"
_COMPONENT = "dateline_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """Register the component that starts a sentence after every line break (idempotent)."""
    from spacy.language import Language

    if Language.has_factory(_COMPONENT):
        return

    @Language.component(_COMPONENT)
    def paragraph_breaks(doc):
        # A paragraph never continues the previous one's sentence, but the parser sometimes glues
        # them ("... de la transition ».\n\nLa France a condamné" became one sentence whose subject
        # hung under the full stop): fix the boundary before parsing.
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline installed as a package; cached so a process pays the ~4 s once."""
    import spacy

    nlp = spacy.load(model)
    _register_paragraph_breaks()
    if "parser" in nlp.pipe_names and _COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(_COMPONENT, before="parser")
    return nlp
