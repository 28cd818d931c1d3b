"""Cable text clean-up before parsing: conversion damage and page-break repeats."""

from __future__ import annotations


def clean_cable_text(text: str) -> tuple[str, list[str]]:
    """Return the text every offset of the cable record will point into, plus warnings."""
    return text, []
