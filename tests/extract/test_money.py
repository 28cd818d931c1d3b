"""Money amounts, from real sentences of the seeds, the NASA news and the cables."""

from __future__ import annotations

import pytest

from legation.extract.money import find_money, symbol_offsets


@pytest.mark.parametrize("sentence,amount", [
    (r"from Kazakhstan for an annual rental fee of \$115 million.", "$115 million"),
    ("from Kazakhstan for an annual rental fee of $115 million.", "$115 million"),
    ("THESE EFFORTS HAVE RESULTED IN FREEZING ABOUT USD 2 MILLION IN FINANCIAL ASSETS", "USD 2 MILLION"),
    ("commerce with the three countries visited totals only about USD 30 million perhaps", "USD 30 million"),
    ("GOR investment in a single scientific field -- 180 billion rubles (approximately", "180 billion rubles"),
    ("is allocated 75 euros per month for phone use", "75 euros"),
    ("KAZAKHSTAN ALLOCATED 300 MILLION TENGE FOR THE PROGRAM.", "300 MILLION TENGE"),
    ("Russia pays 115 million dollars a year for the lease.", "115 million dollars"),
    ("a budget of US$ 1,200,000 for the study", "US$ 1,200,000"),
])
def test_money_amounts(sentence, amount):
    assert [m.text for m in find_money(sentence)] == [amount]


@pytest.mark.parametrize("sentence", [
    "The rocket carried 600 tons of propellant.",
    "the spacecraft weighs about 4,100 pounds at launch",
    "THE DOLLAR FELL AGAINST THE EURO.",
])
def test_money_not_amounts(sentence):
    assert find_money(sentence) == []


def test_money_symbol_offsets_in_text_order():
    text = "€5bn and $3 or £2, ¥9 then $$ and € end"
    assert symbol_offsets(text) == [i for i, c in enumerate(text) if c in "$€£¥"]
