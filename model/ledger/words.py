"""The ledger's own words → table 三's columns (applicants) and rows (outcomes); never a silent guess."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.ledger.targets import Targets
from model.ledger.vocab import Rule, Vocabulary, bare, norm

APPLICANT, OUTCOME = "applicant", "outcome"  # the two kinds of words, as the clerk's corrections keep them


@dataclass
class Words:
    """Maps one ledger's words, the clerk's corrections first, then the form's own labels, then the vocabulary."""

    vocab: Vocabulary
    targets: Targets
    corrections: dict[str, dict[str, str]] = field(default_factory=dict)  # kind → {norm(word): key}
    _cache: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)

    def correct(self, kind: str, word: str, key: str | None) -> None:
        """The clerk's choice for ``word`` (None: forget it, back to the vocabulary's)."""
        store = self.corrections.setdefault(kind, {})
        if key is None:
            store.pop(norm(word), None)
        else:
            store[norm(word)] = key
        self._cache.clear()

    def applicant(self, text: object, by_name: bool = False) -> str | None:
        """The column of an applicant type (``by_name``: of an applicant's name)."""
        return self._lookup("name" if by_name else APPLICANT, norm(text))

    def outcome(self, text: object) -> str | None:
        return self._lookup(OUTCOME, norm(text))

    def _lookup(self, kind: str, word: str) -> str | None:
        if not word:
            return None
        cached = self._cache.get((kind, word), "")
        if cached != "":
            return cached
        found = self._find(kind, word)
        self._cache[(kind, word)] = found
        return found

    def _find(self, kind: str, word: str) -> str | None:
        own = self.corrections.get(APPLICANT if kind == "name" else kind, {}).get(word)
        valid = self.targets.applicants if kind != OUTCOME else self.targets.outcomes
        if own in valid:
            return own
        if kind == "name":
            return self._by_rules(self.vocab.name_rules, word, kind)
        if kind == APPLICANT:
            form = self.targets.applicant_key(word)
            exact = self.vocab.applicant_exact.get(word)
            return (
                form
                or (self.targets.applicant_key(exact) if exact else None)
                or self._by_rules(self.vocab.applicant_rules, word, kind)
            )
        form = self._form_outcome(word)
        exact = self.vocab.outcome_exact.get(word)
        return (
            form
            or (self.targets.outcome_key((exact,)) if exact else None)
            or self._by_rules(self.vocab.outcome_rules, word, kind)
        )

    def _form_outcome(self, word: str) -> str | None:
        """A row of the form named as printed: 「1.属于国家秘密」, 「不予公开-属于国家秘密」, 「（一）予以公开」."""
        wanted = bare(word)
        for key, name in self.targets.outcomes.items():
            parts = name.split("·")
            if wanted in (bare(name), bare(parts[-1]), bare("".join(parts))):
                return key
        return None

    def _by_rules(self, rules: tuple[Rule, ...], word: str, kind: str) -> str | None:
        for rule in rules:
            if rule.matches(word):
                if kind == OUTCOME:
                    return self.targets.outcome_key(rule.to)
                return next((k for k in map(self.targets.applicant_key, rule.to) if k), None)
        return None
