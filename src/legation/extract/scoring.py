"""Scoring of entity mentions against a flat gold standard (shared by bench/ and the corpus tests).

Gold records: {"text", "entities": [{"start", "end", "type", "alt_types"}]}. A prediction matches a
gold mention when the label is the gold type or one of its alt_types, and the spans are equal
(exact) or share a character (overlap); each gold mention is matched at most once. Predictions are
flattened first (nested mentions inside a longer one are dropped: the gold is flat) and only labels
the gold annotates are scored (a gold set without agreements does not count them as errors).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..record import Mention


@dataclass
class Score:
    tp_pred: Counter = field(default_factory=Counter)
    n_pred: Counter = field(default_factory=Counter)
    tp_gold: Counter = field(default_factory=Counter)
    n_gold: Counter = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("tp_pred", "n_pred", "tp_gold", "n_gold"):
            getattr(self, name).update(getattr(other, name))

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        if label is None:
            tp_p, n_p = sum(self.tp_pred.values()), sum(self.n_pred.values())
            tp_g, n_g = sum(self.tp_gold.values()), sum(self.n_gold.values())
        else:
            tp_p, n_p, tp_g, n_g = self.tp_pred[label], self.n_pred[label], self.tp_gold[label], self.n_gold[label]
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def flatten(mentions: list[Mention]) -> list[Mention]:
    """Outermost mentions only, in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def score(gold: list[dict], predicted: list[Mention], overlap: bool) -> Score:
    labels = {g["type"] for g in gold} | {a for g in gold for a in g.get("alt_types") or []}
    return score_labels(gold, predicted, overlap, labels)


def score_labels(gold: list[dict], predicted: list[Mention], overlap: bool, labels: set[str]) -> Score:
    result = Score()
    for g in gold:
        result.n_gold[g["type"]] += 1
    used: set[int] = set()
    for m in flatten(predicted):
        if m.label not in labels:
            continue
        result.n_pred[m.label] += 1
        for i, g in enumerate(gold):
            if i in used or m.label not in {g["type"], *(g.get("alt_types") or [])}:
                continue
            hit = (m.start < g["end"] and g["start"] < m.end) if overlap else (m.start, m.end) == (g["start"], g["end"])
            if hit:
                used.add(i)
                result.tp_pred[m.label] += 1
                result.tp_gold[g["type"]] += 1
                break
    return result
